package com.jadecrane.windows;

/** A consultation window was edited. */
public record WindowUpdated(long windowId, int version, String username) {
}
