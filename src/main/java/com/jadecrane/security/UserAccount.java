package com.jadecrane.security;

import java.time.OffsetDateTime;
import java.util.Set;

/** A staff account as the admin API shows it (never the password hash). */
record UserAccount(long id, String username, String email, String displayName, Set<Role> roles, boolean enabled,
        long version, OffsetDateTime createdAt) {
}
