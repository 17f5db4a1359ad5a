package com.jadecrane.security;

/** A sign-in was refused (unknown user, wrong password or disabled account: not told apart). */
public record SignInFailed(String username, String remoteAddress) {
}
