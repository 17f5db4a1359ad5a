package com.jadecrane.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the current request, for "who did it" columns and audit events. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in username, or {@code "system"} for scheduled and command-line work. */
    public static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName()) ? authentication.getName() : "system";
    }
}
