package com.jadecrane.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs API with jobs launched in the background, as in production. */
@IntegrationTest
@TestPropertySource(properties = { "jadecrane.jobs.async=true",
        "jadecrane.jobs.schedules.sampleCountingJob=0 0 3 * * *" })
class JobApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        jdbc.sql("delete from test_counted_item").update();
        SampleJobsConfiguration.DELAY_MILLIS.set(0);
        SampleJobsConfiguration.FAIL_ONCE_AT.set(0);
    }

    @AfterEach
    void noRunLeftBehind() {
        SampleJobsConfiguration.DELAY_MILLIS.set(0);
        awaitNothingRunning();
    }

    @Test
    void onlyOpsAndAdminOperateJobs() {
        assertThat(new ApiClient(port).get("/api/jobs").status()).isEqualTo(401);
        for (String role : new String[] { "EDITOR", "LEADERSHIP" }) {
            ApiClient client = TestUsers.signedIn(port, role);
            assertThat(client.get("/api/jobs").status()).as(role).isEqualTo(403);
            assertThat(client.get("/api/jobs/executions").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/jobs/sampleCountingJob/executions", "{}").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/jobs/executions/1/stop", "").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/jobs/executions/1/restart", "").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/jobs/sampleCountingJob/schedule/pause", "").status()).as(role).isEqualTo(403);
        }
        ApiClient.Response catalogue = TestUsers.signedIn(port, "OPS").get("/api/jobs");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.<List<String>>json("$[?(@.dryRunSupported == true)].name")).as("the console's dry-run switch")
                .contains("nightlyInvitationJob", "waitlistDedupeJob", "windowAllocationJob", "invitationEmailJob")
                .doesNotContain("waitlistRetentionJob", "hospitalVerificationExpiryJob", "reportExportJob", "sampleCountingJob");
        assertThat(TestUsers.admin(port).get("/api/jobs").status()).isEqualTo(200);
    }

    @Test
    void launchAnswers202AtOnceAndTheExecutionCompletesWithItsCounts() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response launched = ops.post("/api/jobs/sampleCountingJob/executions",
                Json.object("parameters", Map.of("label", "7")));

        assertThat(launched.status()).isEqualTo(202);
        long id = launched.<Integer>json("$.executionId");
        ApiClient.Response done = awaitEnd(ops, id);
        assertThat(done.<String>json("$.status")).isEqualTo("COMPLETED");
        assertThat(done.<String>json("$.jobName")).isEqualTo("sampleCountingJob");
        assertThat(done.<String>json("$.parameters.label")).isEqualTo("7");
        assertThat(done.<String>json("$.launchedBy")).startsWith("ops-");
        assertThat(done.<String>json("$.steps[0].name")).isEqualTo("countingStep");
        assertThat(done.<Integer>json("$.steps[0].readCount")).isEqualTo(SampleJobsConfiguration.ITEMS);
        assertThat(done.<Integer>json("$.steps[0].writeCount")).isEqualTo(SampleJobsConfiguration.ITEMS);
        assertThat(done.<Integer>json("$.steps[0].skipCount")).isZero();
        assertThat(done.<Integer>json("$.progress.percent")).isEqualTo(100);
        assertThat(countedItems()).isEqualTo(SampleJobsConfiguration.ITEMS);

        ApiClient.Response catalogue = ops.get("/api/jobs/sampleCountingJob");
        assertThat(catalogue.<Integer>json("$.lastExecution.executionId")).isEqualTo((int) id);
        assertThat(catalogue.<String>json("$.schedule.cron")).isEqualTo("0 0 3 * * *");
    }

    @Test
    void aRunningJobIsNotLaunchedTwiceAndCanBeStoppedThenRestartedToFinishItsWork() {
        SampleJobsConfiguration.DELAY_MILLIS.set(100);
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long id = ops.post("/api/jobs/sampleCountingJob/executions", "{}").<Integer>json("$.executionId");
        awaitProgress(ops, id);

        ApiClient.Response second = ops.post("/api/jobs/sampleCountingJob/executions", "{}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.<String>json("$.detail")).contains("already running");

        ApiClient.Response running = ops.get("/api/jobs/executions/" + id);
        assertThat(running.<Integer>json("$.progress.total")).isEqualTo(SampleJobsConfiguration.ITEMS);
        assertThat(ops.post("/api/jobs/executions/" + id + "/stop", "").status()).isEqualTo(202);
        assertThat(awaitEnd(ops, id).<String>json("$.status")).isEqualTo("STOPPED");
        int countedBeforeRestart = countedItems();
        assertThat(countedBeforeRestart).isLessThan(SampleJobsConfiguration.ITEMS);

        SampleJobsConfiguration.DELAY_MILLIS.set(0);
        ApiClient.Response restarted = ops.post("/api/jobs/executions/" + id + "/restart", "");
        assertThat(restarted.status()).isEqualTo(202);
        long restartedId = restarted.<Integer>json("$.executionId");
        assertThat(restartedId).isNotEqualTo(id);
        assertThat(awaitEnd(ops, restartedId).<String>json("$.status")).isEqualTo("COMPLETED");
        assertEveryItemCountedOnce();
    }

    @Test
    void aFailedRunRestartsWhereItStopped() {
        SampleJobsConfiguration.FAIL_ONCE_AT.set(13);
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long id = ops.post("/api/jobs/sampleCountingJob/executions", "{}").<Integer>json("$.executionId");

        ApiClient.Response failed = awaitEnd(ops, id);
        assertThat(failed.<String>json("$.status")).isEqualTo("FAILED");
        // staff read the kind of failure and the execution; the exception stays in the log
        assertThat(awaitStepMessage(ops, id, "unexpected error")).isEqualTo(
                "Failed: unexpected error. The details are in the log under job execution " + id + ".");
        assertThat(ops.get("/api/jobs/executions/" + id).<String>json("$.exitDescription"))
                .isEqualTo("Failed: unexpected error. The details are in the log under job execution " + id + ".");
        assertThat(ops.get("/api/jobs/executions/" + id).body())
                .doesNotContain("IllegalStateException", "failing once", "\\tat ", "com.jadecrane");
        assertThat(countedItems()).isEqualTo(10);

        long restartedId = ops.post("/api/jobs/executions/" + id + "/restart", "").<Integer>json("$.executionId");
        assertThat(awaitEnd(ops, restartedId).<String>json("$.status")).isEqualTo("COMPLETED");
        assertEveryItemCountedOnce();
        assertThat(ops.post("/api/jobs/executions/" + restartedId + "/restart", "").status()).isEqualTo(409);
    }

    @Test
    void executionsAreListedByJobAndStatus() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long failedId = ops.post("/api/jobs/alwaysFailingJob/executions", "{}").<Integer>json("$.executionId");
        awaitEnd(ops, failedId);

        ApiClient.Response failedRuns = ops.get("/api/jobs/executions?jobName=alwaysFailingJob&status=FAILED&size=5");

        assertThat(failedRuns.status()).isEqualTo(200);
        assertThat(failedRuns.<List<Integer>>json("$[*].executionId")).contains((int) failedId);
        assertThat(failedRuns.<List<String>>json("$[*].jobName")).containsOnly("alwaysFailingJob");
        assertThat(Integer.parseInt(failedRuns.header("X-Total-Count").orElseThrow())).isPositive();
        assertThat(ops.get("/api/jobs/executions?jobName=alwaysFailingJob&status=COMPLETED").body()).isEqualTo("[]");
    }

    @Test
    void aFailedWatchedJobIsEmailedToOps() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long id = ops.post("/api/jobs/alwaysFailingJob/executions", "{}").<Integer>json("$.executionId");
        awaitEnd(ops, id);

        ApiClient.Response alerts = ops.get("/api/mail/outbox?q=" + TestUsers.OPS_ALERT_EMAIL + "&size=50");
        assertThat(alerts.<List<String>>json("$[*].subject")).contains("[Jade Crane] alwaysFailingJob ended FAILED");
        // the kind of failure and the execution; the exception's text stays in the log
        assertThat(alerts.<List<String>>json("$[*].textBody")).anyMatch(text -> text.contains("/executions/" + id + "/show")
                && text.contains("Failed: unexpected error. The details are in the log under job execution " + id + "."))
                .noneMatch(text -> text.contains("this job always fails") || text.contains("IllegalStateException"));
    }

    @Test
    void aRunNowButtonWaitsForTheEndEvenThoughLaunchesRunInTheBackground() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response run = ops.post("/api/waitlist/dedupe-runs", "{}");

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.<String>json("$.status")).isEqualTo("COMPLETED");
        assertThat(run.<List<String>>json("$.steps[*].name")).contains("fileNewSignupsStep");
        assertThat(run.<String>json("$.steps[0].status")).isEqualTo("COMPLETED");
    }

    @Test
    void abandonedExecutionsCannotBeRestarted() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long id = ops.post("/api/jobs/alwaysFailingJob/executions", "{}").<Integer>json("$.executionId");
        awaitEnd(ops, id);

        ApiClient.Response abandoned = ops.post("/api/jobs/executions/" + id + "/abandon", "");
        for (int attempt = 0; abandoned.status() == 409 && attempt < 50; attempt++) {
            // the failed run's last listener (the ops alert) may still be finishing: 409 says so
            sleep();
            abandoned = ops.post("/api/jobs/executions/" + id + "/abandon", "");
        }
        assertThat(abandoned.<String>json("$.status")).isEqualTo("ABANDONED");
        assertThat(ops.post("/api/jobs/executions/" + id + "/restart", "").status()).isEqualTo(409);
    }

    @Test
    void unknownJobsAndExecutionsAre404AndBadParameters400() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        assertThat(ops.post("/api/jobs/noSuchJob/executions", "{}").status()).isEqualTo(404);
        assertThat(ops.get("/api/jobs/executions/987654321").status()).isEqualTo(404);
        assertThat(ops.post("/api/jobs/executions/987654321/stop", "").status()).isEqualTo(404);
        ApiClient.Response reserved = ops.post("/api/jobs/sampleCountingJob/executions",
                Json.object("parameters", Map.of("launchedBy", "someone-else")));
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.<List<String>>json("$.errors[*].field")).containsExactly("launchedBy");
        assertThat(ops.post("/api/jobs/sampleCountingJob/executions", "{\"parameters\": [1]}").status()).isEqualTo(400);
        long runsBefore = ops.get("/api/jobs/executions?jobName=sampleCountingJob").header("X-Total-Count").map(Long::parseLong).orElseThrow();
        ApiClient.Response mistyped = ops.post("/api/jobs/sampleCountingJob/executions",
                Json.object("parameters", Map.of("dryRun", "yes please")));
        assertThat(mistyped.status()).as("a mistyped dry-run switch must not mean a real run").isEqualTo(400);
        assertThat(mistyped.<List<String>>json("$.errors[*].field")).containsExactly("dryRun");
        ApiClient.Response noDryRun = ops.post("/api/jobs/sampleCountingJob/executions",
                Json.object("parameters", Map.of("dryRun", "true")));
        assertThat(noDryRun.status()).as("a job that does not know dryRun would run for real").isEqualTo(400);
        assertThat(noDryRun.<List<String>>json("$.errors[*].field")).containsExactly("dryRun");
        assertThat(ops.get("/api/jobs/executions?jobName=sampleCountingJob").header("X-Total-Count").map(Long::parseLong).orElseThrow())
                .isEqualTo(runsBefore);
    }

    @Test
    void schedulesArePausedAndResumedForEveryInstance() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response paused = ops.post("/api/jobs/sampleCountingJob/schedule/pause", "");
        assertThat(paused.<Boolean>json("$.schedule.paused")).isTrue();
        assertThat(ops.get("/api/jobs").<List<Boolean>>json("$[?(@.name == 'sampleCountingJob')].schedule.paused"))
                .containsExactly(true);

        ApiClient.Response resumed = ops.post("/api/jobs/sampleCountingJob/schedule/resume", "");
        assertThat(resumed.<Boolean>json("$.schedule.paused")).isFalse();
        assertThat(ops.post("/api/jobs/alwaysFailingJob/schedule/pause", "").status()).isEqualTo(404);
    }

    private int countedItems() {
        return jdbc.sql("select count(*) from test_counted_item").query(Integer.class).single();
    }

    private void assertEveryItemCountedOnce() {
        List<Integer> items = jdbc.sql("select item from test_counted_item order by item").query(Integer.class).list();
        assertThat(items).hasSize(SampleJobsConfiguration.ITEMS).doesNotHaveDuplicates();
    }

    private static ApiClient.Response awaitEnd(ApiClient ops, long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ApiClient.Response execution = ops.get("/api/jobs/executions/" + id);
            String status = execution.json("$.status");
            if (!List.of("STARTING", "STARTED", "STOPPING").contains(status) || System.nanoTime() > deadline) {
                return execution;
            }
            sleep();
        }
    }

    /** The failed step's exit message, which Spring Batch (and the failure's kind) may write a moment after the job's status. */
    private static String awaitStepMessage(ApiClient ops, long id, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String message = "";
        while (!message.contains(expected) && System.nanoTime() < deadline) {
            String read = ops.get("/api/jobs/executions/" + id).json("$.steps[0].exitMessage");
            message = read == null ? "" : read;
            if (!message.contains(expected)) {
                sleep();
            }
        }
        return message;
    }

    private static void awaitProgress(ApiClient ops, long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Response execution = ops.get("/api/jobs/executions/" + id);
            if ("STARTED".equals(execution.json("$.status")) && execution.<Integer>json("$.progress.done") > 0) {
                return;
            }
            sleep();
        }
        throw new AssertionError("Execution " + id + " made no progress");
    }

    private void awaitNothingRunning() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && jdbc.sql(
                "select count(*) from batch_job_execution where status in ('STARTING', 'STARTED', 'STOPPING')")
                .query(Integer.class).single() > 0) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
