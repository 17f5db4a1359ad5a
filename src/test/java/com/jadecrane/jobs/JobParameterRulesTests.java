package com.jadecrane.jobs;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job parameters are checked at launch, before anything runs: every job x every parameter x every
 * role, and the findings of the probe (an OPS expiring every hospital or erasing every person by a
 * run date, parameters no job takes, a negative chunk size). No launch here is valid, so no job runs.
 */
@IntegrationTest
class JobParameterRulesTests {

    /** What changes what a job does to data: ADMIN only. A new one must be added here on purpose. */
    private static final Set<String> ADMIN_ONLY = Set.of("hospitalVerificationExpiryJob.runDate",
            "waitlistRetentionJob.runDate", "windowAllocationJob.runAt", "windowAllocationJob.minimumNoticeHours",
            "nightlyInvitationJob.runAt", "nightlyInvitationJob.minimumNoticeHours");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRuns jobRuns;

    @Test
    void everyParameterOfEveryJobIsCheckedForEveryRole() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ApiClient admin = TestUsers.admin(port);
        Map<String, ApiClient> outsiders = Map.of("EDITOR", TestUsers.signedIn(port, "EDITOR"), "LEADERSHIP",
                TestUsers.signedIn(port, "LEADERSHIP"));
        long executionsBefore = executions();
        List<String> jobs = admin.get("/api/jobs").json("$[*].name");
        Set<String> adminOnly = new TreeSet<>();
        int checked = 0;

        for (String job : jobs) {
            List<String> names = admin.get("/api/jobs/" + job).json("$.parameters[*].name");
            for (String name : names) {
                boolean onlyAdmin = admin.get("/api/jobs/" + job).<List<Boolean>>json(
                        "$.parameters[?(@.name == '" + name + "')].adminOnly").get(0);
                if (onlyAdmin) {
                    adminOnly.add(job + "." + name);
                }
                String body = Json.object("parameters", Map.of(name, "not-a-value"));
                assertRefused(ops.post(launch(job), body), onlyAdmin ? 403 : 400, name, "OPS " + job);
                assertRefused(admin.post(launch(job), body), 400, name, "ADMIN " + job);
                outsiders.forEach((role, client) -> assertThat(client.post(launch(job), body).status())
                        .as(role + " " + job + "." + name).isEqualTo(403));
                checked++;
            }
            String unknown = Json.object("parameters", Map.of("noSuchParameter", "1"));
            assertRefused(ops.post(launch(job), unknown), 400, "noSuchParameter", "OPS " + job);
            assertRefused(admin.post(launch(job), unknown), 400, "noSuchParameter", "ADMIN " + job);
        }

        assertThat(jobs).contains("hospitalVerificationExpiryJob", "waitlistRetentionJob", "waitlistDedupeJob",
                "windowAllocationJob", "invitationEmailJob", "nightlyInvitationJob", "reportExportJob");
        assertThat(checked).isGreaterThanOrEqualTo(15);
        assertThat(adminOnly).isEqualTo(new TreeSet<>(ADMIN_ONLY));
        assertThat(executions()).as("nothing ran").isEqualTo(executionsBefore);
    }

    @Test
    void opsCannotExpireHospitalsOrErasePeopleByARunDateAndAdminOnlyWithinTheRange() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ApiClient admin = TestUsers.admin(port);
        long executionsBefore = executions();

        ApiClient.Response expiry = ops.post(launch("hospitalVerificationExpiryJob"),
                Json.object("parameters", Map.of("runDate", "2099-01-01")));
        assertRefused(expiry, 403, "runDate", "OPS may not set an expiry run date");
        assertThat(expiry.contentType()).startsWith("application/problem+json");
        assertRefused(ops.post(launch("waitlistRetentionJob"), Json.object("parameters", Map.of("runDate", "2029-01-20"))),
                403, "runDate", "OPS may not set a retention run date");

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        for (String job : List.of("hospitalVerificationExpiryJob", "waitlistRetentionJob")) {
            ApiClient.Response ahead = admin.post(launch(job), Json.object("parameters", Map.of("runDate", tomorrow)));
            assertRefused(ahead, 400, "runDate", "not even ADMIN erases or expires ahead of time: " + job);
            assertThat(ahead.<String>json("$.errors[0].message")).contains(LocalDate.now(ZoneOffset.UTC).toString());
        }
        assertThat(executions()).as("nothing ran").isEqualTo(executionsBefore);
    }

    @Test
    void nonsensicalValuesAreRefusedNamingTheParameter() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long executionsBefore = executions();

        assertRefused(ops.post(launch("waitlistDedupeJob"), Json.object("parameters", Map.of("chunkSize", "-5"))),
                400, "chunkSize", "a negative chunk size");
        assertRefused(ops.post(launch("waitlistDedupeJob"), Json.object("parameters", Map.of("chunkSize", "lots"))),
                400, "chunkSize", "a chunk size that is no number");
        assertRefused(ops.post(launch("hospitalVerificationExpiryJob"), Json.object("parameters", Map.of("dueWithinDays", "0"))),
                400, "dueWithinDays", "no days");
        ApiClient.Response two = ops.post(launch("waitlistDedupeJob"),
                Json.object("parameters", Map.of("chunkSize", "0", "dryRun", "maybe")));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("chunkSize", "dryRun");
        assertRefused(ops.post(launch("waitlistRetentionJob"), Json.object("parameters", Map.of("dryRun", "true"))),
                400, "dryRun", "a job without a dry run would run for real");
        assertThat(executions()).as("nothing ran").isEqualTo(executionsBefore);
    }

    @Test
    void aLaunchWithoutASignedInUserIsAuditedUnderTheLaunchersName() {
        long id = jobRuns.start("alwaysFailingJob", Map.of(), "scheduler");

        assertThat(jdbc.sql("select actor from audit_event where action = 'JobLaunched' and details->>'executionId' = ?")
                .param(String.valueOf(id)).query(String.class).single()).isEqualTo("scheduler");
    }

    private static void assertRefused(ApiClient.Response response, int status, String parameter, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.<List<String>>json("$.errors[*].field")).as(what).containsExactly(parameter);
    }

    private long executions() {
        return jdbc.sql("select count(*) from batch_job_execution").query(Long.class).single();
    }

    private static String launch(String job) {
        return "/api/jobs/" + job + "/executions";
    }
}
