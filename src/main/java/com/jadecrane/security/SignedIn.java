package com.jadecrane.security;

/** A staff member signed in. */
public record SignedIn(String username, String remoteAddress) {
}
