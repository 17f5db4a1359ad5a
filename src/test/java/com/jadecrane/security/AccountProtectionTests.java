package com.jadecrane.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** Lock-out after failed sign-ins, sessions that follow account changes, and the security headers. */
@IntegrationTest
class AccountProtectionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhileWithoutSayingSo() {
        String username = TestUsers.create(port, "EDITOR");
        ApiClient client = new ApiClient(port);
        String wrong = Json.object("username", username, "password", "not-the-right-password");
        String firstAnswer = client.post("/api/auth/login", wrong).body();
        for (int i = 2; i <= 5; i++) {
            assertThat(client.post("/api/auth/login", wrong).body()).as("attempt " + i).isEqualTo(firstAnswer);
        }

        ApiClient.Response lockedOut = client.post("/api/auth/login",
                Json.object("username", username, "password", TestUsers.PASSWORD));

        assertThat(lockedOut.status()).isEqualTo(401);
        assertThat(lockedOut.body()).as("a locked account gets the very same answer").isEqualTo(firstAnswer);
        assertThat(firstAnswer).contains("locked for 15 minutes");

        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = ?").param(username).update();
        assertThat(client.post("/api/auth/login", Json.object("username", username, "password", TestUsers.PASSWORD))
                .status()).as("after the lock-out period").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        String username = TestUsers.create(port, "EDITOR");
        ApiClient client = new ApiClient(port);
        String wrong = Json.object("username", username, "password", "not-the-right-password");
        for (int i = 0; i < 4; i++) {
            client.post("/api/auth/login", wrong);
        }
        assertThat(client.post("/api/auth/login", Json.object("username", username, "password", TestUsers.PASSWORD))
                .status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            client.post("/api/auth/login", wrong);
        }
        assertThat(new ApiClient(port).post("/api/auth/login", Json.object("username", username, "password",
                TestUsers.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void disablingAUserSignsThemOutEverywhereAndRoleChangesApplyAtOnce() {
        String username = TestUsers.create(port, "EDITOR");
        ApiClient firstSession = new ApiClient(port).login(username, TestUsers.PASSWORD);
        ApiClient secondSession = new ApiClient(port).login(username, TestUsers.PASSWORD);
        ApiClient admin = TestUsers.admin(port);
        int id = admin.get("/api/admin/users?q=" + username).<List<Integer>>json("$[*].id").get(0);

        admin.put("/api/admin/users/" + id, Json.object("version", 0, "roles", List.of("EDITOR", "OPS"), "enabled", true));
        assertThat(firstSession.get("/api/auth/me").<List<String>>json("$.roles")).containsExactly("EDITOR", "OPS");

        admin.put("/api/admin/users/" + id, Json.object("version", 1, "roles", List.of("EDITOR"), "enabled", false));
        assertThat(firstSession.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(secondSession.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void theAdminUiIsServedWithAStrictContentSecurityPolicy() {
        ApiClient.Response page = new ApiClient(port).get("/");

        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.header("Referrer-Policy")).contains("same-origin");
        assertThat(page.header("X-Frame-Options")).contains("DENY");
        assertThat(page.header("Strict-Transport-Security")).as("HSTS only over HTTPS").isEmpty();
    }
}
