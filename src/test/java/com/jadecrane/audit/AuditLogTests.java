package com.jadecrane.audit;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditLogTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signInsSignOutsAndUserChangesAreWrittenDownWithWhoAndWhere() {
        String username = TestUsers.create(port, "OPS");
        new ApiClient(port).post("/api/auth/login", Json.object("username", username, "password", "wrong-password-123"));
        ApiClient session = new ApiClient(port).login(username, TestUsers.PASSWORD);
        session.post("/api/auth/logout", "");

        ApiClient admin = TestUsers.admin(port);
        ApiClient.Response entries = admin.get("/api/audit?q=" + username + "&size=50");

        assertThat(entries.<List<String>>json("$[*].action"))
                .contains("UserAccountCreated", "SignInFailed", "SignedIn", "SignedOut");
        assertThat(entries.<List<String>>json("$[?(@.action == 'UserAccountCreated')].actor")).containsExactly("admin");
        assertThat(entries.<List<String>>json("$[?(@.action == 'SignedIn')].actor")).containsExactly(username);
        assertThat(entries.<List<String>>json("$[?(@.action == 'SignedIn')].remoteAddress")).containsExactly("127.0.0.1");
        assertThat(entries.<List<String>>json("$[?(@.action == 'SignedIn')].module")).containsExactly("security");
        assertThat(admin.get("/api/audit?action=SignedOut&actor=" + username).<List<String>>json("$[*].actor"))
                .containsExactly(username);
    }

    @Test
    void onlyAdminReadsTheLog() {
        assertThat(new ApiClient(port).get("/api/audit").status()).isEqualTo(401);
        for (String role : new String[] { "EDITOR", "OPS", "LEADERSHIP" }) {
            assertThat(TestUsers.signedIn(port, role).get("/api/audit").status()).as(role).isEqualTo(403);
            assertThat(TestUsers.signedIn(port, role).get("/api/audit/facets").status()).as(role).isEqualTo(403);
        }
        assertThat(TestUsers.admin(port).get("/api/audit/facets").<List<String>>json("$.modules")).contains("security");
    }

    @Test
    void theLogCannotBeChangedOrEmptied() {
        TestUsers.create(port, "EDITOR");

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone-else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).hasMessageContaining("append-only");
    }
}
