package com.jadecrane.security;

/** A staff member signed out. */
public record SignedOut(String username, String remoteAddress) {
}
