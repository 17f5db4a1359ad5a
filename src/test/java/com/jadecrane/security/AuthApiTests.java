package com.jadecrane.security;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthApiTests {

    @LocalServerPort
    int port;

    @Test
    void signInReturnsTheRolesAndASessionCookieScriptsCannotRead() {
        String username = TestUsers.create(port, "EDITOR", "OPS");
        ApiClient client = new ApiClient(port);

        ApiClient.Response response = client.post("/api/auth/login", Json.object("username", username, "password", TestUsers.PASSWORD));

        assertThat(response.status()).isEqualTo(200);
        assertThat((String) response.json("$.username")).isEqualTo(username);
        assertThat(response.<java.util.List<String>>json("$.roles")).containsExactly("EDITOR", "OPS");
        String sessionCookie = response.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(client.get("/api/auth/me").<String>json("$.username")).isEqualTo(username);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String username = TestUsers.create(port, "EDITOR");
        ApiClient.Response wrongPassword = new ApiClient(port).post("/api/auth/login",
                Json.object("username", username, "password", "not-the-password-at-all"));
        ApiClient.Response unknownUser = new ApiClient(port).post("/api/auth/login",
                Json.object("username", "nobody-" + username, "password", "not-the-password-at-all"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void withoutASessionTheApiAnswers401JsonNeverARedirect() {
        for (String path : new String[] { "/api/auth/me", "/api/admin/users", "/api/anything/else" }) {
            ApiClient.Response response = new ApiClient(port).get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.header("Location")).as(path).isEmpty();
        }
    }

    @Test
    void signOutEndsTheSession() {
        ApiClient client = TestUsers.signedIn(port, "LEADERSHIP");

        assertThat(client.post("/api/auth/logout", "").status()).isEqualTo(204);
        assertThat(client.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void changesNeedTheCsrfHeaderThatEchoesTheCookie() {
        ApiClient withoutHeader = TestUsers.admin(port).withoutCsrfHeader();
        String body = Json.object("username", "csrf-victim", "password", TestUsers.PASSWORD, "roles", java.util.List.of("EDITOR"));

        ApiClient.Response refused = withoutHeader.post("/api/admin/users", body);
        ApiClient.Response forged = withoutHeader.send(withoutHeader.request("/api/admin/users")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "forged-token")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        ApiClient.Response logoutRefused = withoutHeader.post("/api/auth/logout", "");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat((String) refused.json("$.detail")).contains("X-XSRF-TOKEN");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(logoutRefused.status()).isEqualTo(403);
        assertThat(TestUsers.admin(port).get("/api/admin/users?q=csrf-victim").body()).isEqualTo("[]");
    }

    @Test
    void signInGivesANewSessionId() {
        ApiClient client = new ApiClient(port);
        client.get("/api/auth/me");
        client.post("/api/auth/login", Json.object("username", "admin", "password", "wrong-password-here"));
        String before = client.get("/api/auth/me").header("Set-Cookie").orElse("");

        ApiClient.Response signedIn = client.post("/api/auth/login",
                Json.object("username", "admin", "password", TestUsers.ADMIN_PASSWORD));

        String after = signedIn.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(after).isNotEqualTo(before);
    }
}
