package com.jadecrane.waitlist;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.waitlist.WaitlistTestData.signUp;
import static com.jadecrane.waitlist.WaitlistTestData.signup;
import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job erases people in a background thread, where nobody is signed in: the audit
 * must still name the ADMIN who launched it, never {@code system}. Jobs run in the background
 * here, as in production (the same properties as JobApiTests, so the same context).
 */
@IntegrationTest
@TestPropertySource(properties = { "jadecrane.jobs.async=true",
        "jadecrane.jobs.schedules.sampleCountingJob=0 0 3 * * *" })
class RetentionErasureAuditTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void erasuresByTheRetentionJobAreAuditedUnderTheAdminWhoLaunchedIt() throws InterruptedException {
        String email = "retained-" + unique() + "@example.org";
        signUp(port, signup(email, "Retained Person"));
        ApiClient admin = TestUsers.admin(port);
        assertThat(admin.post("/api/waitlist/dedupe-runs", "{}").status()).isEqualTo(200);
        jdbc.sql("update waitlist_signup set received_at = now() - interval '30 months' where email = ?").param(email).update();
        long entryId = jdbc.sql("select entry_id from waitlist_signup where email = ?").param(email).query(Long.class).single();

        ApiClient.Response launched = admin.post("/api/jobs/waitlistRetentionJob/executions",
                Json.object("parameters", Map.of("runDate", LocalDate.now(ZoneOffset.UTC).toString())));

        assertThat(launched.status()).as(launched.body()).isEqualTo(202);
        long executionId = launched.<Integer>json("$.executionId");
        assertThat(awaitEnd(admin, executionId)).isEqualTo("COMPLETED");
        List<String> actors = jdbc.sql("""
                select actor from audit_event where action = 'PersonalDataErased' and details->>'entryId' = ?""")
                .param(String.valueOf(entryId)).query(String.class).list();
        assertThat(actors).containsExactly("admin");
        assertThat(jdbc.sql("select actor from audit_event where action = 'JobLaunched' and details->>'executionId' = ?")
                .param(String.valueOf(executionId)).query(String.class).single()).isEqualTo("admin");
    }

    private static String awaitEnd(ApiClient client, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = "STARTING";
        while (List.of("STARTING", "STARTED", "STOPPING").contains(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = client.get("/api/jobs/executions/" + id).json("$.status");
        }
        return status;
    }
}
