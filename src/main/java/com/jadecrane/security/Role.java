package com.jadecrane.security;

/** What a staff member does. ADMIN implies every other role (see {@code SecurityConfiguration}). */
public enum Role {
    /** Manages users; may do everything. */
    ADMIN,
    /** Writes guide pages and hospital profiles. */
    EDITOR,
    /** Runs the waitlist, windows, invitations and batch jobs; sees personal data. */
    OPS,
    /** Reads reports and the dashboard; no personal data. */
    LEADERSHIP;

    public String authority() {
        return "ROLE_" + name();
    }
}
