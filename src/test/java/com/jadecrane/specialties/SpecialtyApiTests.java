package com.jadecrane.specialties;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SpecialtyApiTests {

    @LocalServerPort
    int port;

    @Test
    void everyRoleReadsTheListAndThePublicSeesActiveOnes() {
        for (String role : new String[] { "EDITOR", "OPS", "LEADERSHIP" }) {
            ApiClient.Response list = TestUsers.signedIn(port, role).get("/api/specialties");
            assertThat(list.status()).as(role).isEqualTo(200);
            assertThat(list.<List<String>>json("$[*].code")).as(role).contains("oncology");
        }
        assertThat(new ApiClient(port).get("/api/specialties").status()).isEqualTo(401);
        assertThat(new ApiClient(port).get("/api/public/specialties").<List<String>>json("$[*].code")).contains("oncology");
    }

    @Test
    void onlyAdminMaintainsTheListAndDeactivatedOnesLeaveThePublicList() {
        String code = "test-specialty-" + System.nanoTime() % 100000;
        String form = Json.object("code", code, "name", "Test specialty", "active", true, "sortOrder", 500);
        for (String role : new String[] { "EDITOR", "OPS", "LEADERSHIP" }) {
            assertThat(TestUsers.signedIn(port, role).post("/api/specialties", form).status()).as(role).isEqualTo(403);
        }
        ApiClient admin = TestUsers.admin(port);
        assertThat(admin.post("/api/specialties", form).status()).isEqualTo(201);
        assertThat(admin.post("/api/specialties", form).<List<String>>json("$.errors[*].field")).containsExactly("code");
        assertThat(admin.post("/api/specialties", Json.object("code", "Not A Code", "name", "x", "active", true))
                .<List<String>>json("$.errors[*].field")).containsExactly("code");

        assertThat(admin.put("/api/specialties/" + code,
                Json.object("name", "Test specialty", "active", false, "sortOrder", 500)).status()).isEqualTo(200);

        assertThat(new ApiClient(port).get("/api/public/specialties").<List<String>>json("$[*].code")).doesNotContain(code);
        assertThat(admin.get("/api/specialties").<List<String>>json("$[*].code")).contains(code);
    }
}
