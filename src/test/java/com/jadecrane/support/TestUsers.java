package com.jadecrane.support;

import java.util.List;
import java.util.UUID;

/** Signs in staff of each role: creates a fresh account through the admin API for every call. */
public final class TestUsers {

    public static final String ADMIN_PASSWORD = "first-staff-secret-4f1c";
    public static final String PASSWORD = "test-password-9a2e7d";
    /** Where failed watched jobs are reported in tests (the outbox, as no SendGrid key is set). */
    public static final String OPS_ALERT_EMAIL = "ops-alerts@jadecrane.example";

    private TestUsers() {
    }

    public static ApiClient admin(int port) {
        return new ApiClient(port).login("admin", ADMIN_PASSWORD);
    }

    /** A new account with exactly these roles, signed in. */
    public static ApiClient signedIn(int port, String... roles) {
        String username = create(port, roles);
        return new ApiClient(port).login(username, PASSWORD);
    }

    /** Creates an account with these roles and returns its username. */
    public static String create(int port, String... roles) {
        String username = String.join("-", roles).toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin(port).post("/api/admin/users",
                Json.object("username", username, "password", PASSWORD, "roles", List.of(roles)));
        if (created.status() != 201) {
            throw new AssertionError("Could not create " + username + ": " + created);
        }
        return username;
    }
}
