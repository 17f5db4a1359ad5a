package com.jadecrane.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin UI's client routes, unknown paths, and Actuator's role rules. */
@IntegrationTest
class WebPlumbingTests {

    @LocalServerPort
    int port;

    @Test
    void clientSideRoutesGetTheAdminUi() {
        ApiClient.Response route = new ApiClient(port).get("/guides/12");

        assertThat(route.status()).isEqualTo(200);
        assertThat(route.contentType()).startsWith("text/html");
        assertThat(route.body()).contains("<div id=\"root\">");
    }

    @Test
    void unknownApiAndManagementPathsAreProblemsNotTheUi() {
        ApiClient admin = TestUsers.admin(port);

        for (String path : new String[] { "/api/no-such-thing", "/management/no-such-thing" }) {
            ApiClient.Response response = admin.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(new ApiClient(port).get("/missing-logo.png").status()).isEqualTo(404);
    }

    @Test
    void healthIsPublicAndTheRestOfActuatorIsForAdmin() {
        ApiClient.Response health = new ApiClient(port).get("/management/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.<String>json("$.status")).isEqualTo("UP");

        assertThat(new ApiClient(port).get("/management/info").status()).isEqualTo(401);
        for (String role : new String[] { "EDITOR", "OPS", "LEADERSHIP" }) {
            assertThat(TestUsers.signedIn(port, role).get("/management/info").status()).as(role).isEqualTo(403);
        }
        assertThat(TestUsers.admin(port).get("/management/info").status()).isEqualTo(200);
        assertThat(TestUsers.admin(port).get("/management/flyway").status()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() {
        ApiClient.Response response = TestUsers.admin(port).post("/api/admin/users", "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
