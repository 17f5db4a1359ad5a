package com.jadecrane.security;

import java.util.Set;

/** A staff account's roles or enabled flag were saved (possibly unchanged). */
public record UserAccountChanged(String username, Set<Role> rolesBefore, Set<Role> rolesAfter, boolean enabledBefore,
        boolean enabledAfter, String changedBy) {
}
