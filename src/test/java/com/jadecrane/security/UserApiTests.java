package com.jadecrane.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UserApiTests {

    @LocalServerPort
    int port;

    @Test
    void onlyAdminMayListCreateAndChangeUsers() {
        String target = TestUsers.create(port, "EDITOR");
        long id = idOf(target);
        String newUser = Json.object("username", "someone-new", "password", TestUsers.PASSWORD, "roles", List.of("OPS"));
        String change = Json.object("version", 0, "roles", List.of("OPS"), "enabled", true);

        for (String role : new String[] { "EDITOR", "OPS", "LEADERSHIP" }) {
            ApiClient client = TestUsers.signedIn(port, role);
            assertThat(client.get("/api/admin/users").status()).as(role + " list").isEqualTo(403);
            assertThat(client.get("/api/admin/users/" + id).status()).as(role + " get").isEqualTo(403);
            assertThat(client.post("/api/admin/users", newUser).status()).as(role + " create").isEqualTo(403);
            assertThat(client.put("/api/admin/users/" + id, change).status()).as(role + " update").isEqualTo(403);
        }
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/admin/users").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/admin/users", newUser).status()).isIn(401, 403);

        ApiClient admin = TestUsers.admin(port);
        assertThat(admin.get("/api/admin/users").status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/users/" + id).status()).isEqualTo(200);
        assertThat(admin.put("/api/admin/users/" + id, change).status()).isEqualTo(200);
    }

    @Test
    void adminCreatesAnEditorWhoGets403OnTheUsersApi() {
        ApiClient admin = TestUsers.admin(port);
        String username = "editor-" + System.nanoTime();

        ApiClient.Response created = admin.post("/api/admin/users", Json.object("username", username,
                "password", TestUsers.PASSWORD, "roles", List.of("EDITOR"), "email", "ed@example.org",
                "displayName", "Ed Itor"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.<List<String>>json("$.roles")).containsExactly("EDITOR");
        assertThat(created.body()).doesNotContain(TestUsers.PASSWORD).doesNotContain("password");
        ApiClient editor = new ApiClient(port).login(username, TestUsers.PASSWORD);
        assertThat(editor.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(editor.get("/api/admin/users").contentType()).startsWith("application/problem+json");
    }

    @Test
    void badInputNamesEachFieldAndSavesNothing() {
        ApiClient admin = TestUsers.admin(port);

        ApiClient.Response response = admin.post("/api/admin/users", Json.object("username", "bad name!",
                "password", "short", "roles", List.of(), "email", "not-an-email"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<List<String>>json("$.errors[*].field")).contains("username", "roles", "email");
        assertThat(admin.get("/api/admin/users?q=bad%20name").body()).isEqualTo("[]");
    }

    @Test
    void passwordPolicyRefusesShortCommonAndUsernameLikePasswords() {
        ApiClient admin = TestUsers.admin(port);
        String[][] cases = { { "policy-a", "short-pass" }, { "policy-b", "Password12345" },
                { "policy-c", "xx-policy-c-xxxxxx" } };
        for (String[] c : cases) {
            ApiClient.Response response = admin.post("/api/admin/users",
                    Json.object("username", c[0], "password", c[1], "roles", List.of("OPS")));
            assertThat(response.status()).as(c[1]).isEqualTo(400);
            assertThat(response.<List<String>>json("$.errors[*].field")).as(c[1]).containsExactly("password");
        }
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() {
        String username = TestUsers.create(port, "OPS");

        ApiClient.Response again = TestUsers.admin(port).post("/api/admin/users",
                Json.object("username", username.toUpperCase(), "password", TestUsers.PASSWORD, "roles", List.of("OPS")));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.<List<String>>json("$.errors[*].field")).containsExactly("username");
    }

    @Test
    void aStaleSaveGets409AndOverwritesNothing() {
        String username = TestUsers.create(port, "EDITOR");
        long id = idOf(username);
        ApiClient admin = TestUsers.admin(port);
        assertThat(admin.put("/api/admin/users/" + id, Json.object("version", 0, "roles", List.of("EDITOR", "OPS"),
                "enabled", true, "displayName", "First")).status()).isEqualTo(200);

        ApiClient.Response stale = admin.put("/api/admin/users/" + id, Json.object("version", 0,
                "roles", List.of("LEADERSHIP"), "enabled", true, "displayName", "Second"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.<Integer>json("$.currentVersion")).isEqualTo(1);
        ApiClient.Response current = admin.get("/api/admin/users/" + id);
        assertThat(current.<String>json("$.displayName")).isEqualTo("First");
        assertThat(current.<List<String>>json("$.roles")).containsExactly("EDITOR", "OPS");
    }

    @Test
    void aDisabledUserCannotSignIn() {
        String username = TestUsers.create(port, "OPS");
        long id = idOf(username);

        TestUsers.admin(port).put("/api/admin/users/" + id,
                Json.object("version", 0, "roles", List.of("OPS"), "enabled", false));

        assertThat(new ApiClient(port).post("/api/auth/login",
                Json.object("username", username, "password", TestUsers.PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void listSearchesSortsAndPages() {
        String marker = "pager" + System.nanoTime();
        for (String role : new String[] { "EDITOR", "OPS", "LEADERSHIP" }) {
            TestUsers.admin(port).post("/api/admin/users", Json.object("username", marker + "-" + role.toLowerCase(),
                    "password", TestUsers.PASSWORD, "roles", List.of(role)));
        }
        ApiClient admin = TestUsers.admin(port);

        ApiClient.Response page = admin.get("/api/admin/users?q=" + marker + "&sort=username,desc&page=0&size=2");
        ApiClient.Response second = admin.get("/api/admin/users?q=" + marker + "&sort=username,desc&page=1&size=2");

        assertThat(page.header("X-Total-Count")).contains("3");
        assertThat(page.<List<String>>json("$[*].username")).containsExactly(marker + "-ops", marker + "-leadership");
        assertThat(second.<List<String>>json("$[*].username")).containsExactly(marker + "-editor");
        assertThat(admin.get("/api/admin/users?sort=password,asc").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/users?size=100000").status()).isEqualTo(400);
    }

    private long idOf(String username) {
        ApiClient.Response found = TestUsers.admin(port).get("/api/admin/users?q=" + username);
        return found.<List<Integer>>json("$[*].id").get(0);
    }
}
