package com.jadecrane.security;

/** Too many failed sign-ins in a row: the account is locked for a while. */
public record AccountLocked(String username, long minutes) {
}
