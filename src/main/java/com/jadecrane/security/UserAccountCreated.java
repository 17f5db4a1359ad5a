package com.jadecrane.security;

import java.util.Set;

/** A staff account was created. */
public record UserAccountCreated(String username, Set<Role> roles, String createdBy) {
}
