package com.jadecrane.windows;

/** A consultation window was opened or closed. */
public record WindowStatusChanged(long windowId, String from, String to, String username) {
}
