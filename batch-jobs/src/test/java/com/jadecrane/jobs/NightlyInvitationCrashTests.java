package com.jadecrane.jobs;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.jobs.NightlyTestData.Person;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.SendGridStandIn;
import com.jadecrane.support.TestInstances;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly run in a JVM of its own (the command line, as cron would start it) is killed with
 * SIGKILL in the middle of its invitation step. The application started again recovers the dead
 * run, ops restart it, and every allocated person ends up invited exactly once, or UNCONFIRMED
 * when the kill came between the claim and SendGrid's answer: never twice.
 */
@IntegrationTest
class NightlyInvitationCrashTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final SendGridStandIn sendGrid = new SendGridStandIn();

    TestInstances.Instance nightlyRun;

    TestInstances.Instance restartedApp;

    @AfterEach
    void stopEverything() {
        for (TestInstances.Instance instance : new TestInstances.Instance[] { nightlyRun, restartedApp }) {
            if (instance != null) {
                instance.process().destroyForcibly();
            }
        }
        sendGrid.close();
    }

    @Test
    void aRunKilledWhileSendingIsRecoveredRestartedAndInvitesEveryoneAtMostOnce() throws Exception {
        NightlyTestData data = new NightlyTestData(jdbc, port);
        data.openWindows(5, 4);
        data.signUp(20);
        sendGrid.answerAcceptedAfter(300);

        nightlyRun = TestInstances.startJvm("nightly-killed", mailThroughStandIn("--jadecrane.run-job=nightlyInvitationJob"));
        await(Duration.ofMinutes(3), () -> sent(data.people()) >= 3, nightlyRun);
        nightlyRun.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killed = latestNightlyExecution();
        List<Person> atTheKill = data.people();
        assertThat(sent(atTheKill)).as("killed before the end of the step").isLessThan(20);
        assertThat(jdbc.sql("select status from batch_job_execution where job_execution_id = ?").param(killed)
                .query(String.class).single()).as("a killed process leaves its run STARTED").isEqualTo("STARTED");

        sendGrid.answerAcceptedAfter(0);
        int appPort = freePort();
        restartedApp = TestInstances.startJvm("nightly-restarted", mailThroughStandIn("--server.port=" + appPort,
                "--jadecrane.scheduler.enabled=false"));
        await(Duration.ofMinutes(3), () -> healthy(appPort), restartedApp);
        ApiClient ops = TestUsers.signedIn(appPort, "OPS");
        ApiClient.Response recovered = ops.get("/api/jobs/executions/" + killed);
        assertThat(recovered.<String>json("$.status")).isEqualTo("FAILED");
        assertThat(recovered.<String>json("$.recoveredAt")).as("recovered at start-up").isNotNull();

        ApiClient.Response restart = ops.post("/api/jobs/executions/" + killed + "/restart", "");
        assertThat(restart.status()).isEqualTo(202);
        long restarted = restart.<Integer>json("$.executionId");
        await(Duration.ofMinutes(3), () -> !List.of("STARTING", "STARTED", "STOPPING")
                .contains(ops.get("/api/jobs/executions/" + restarted).<String>json("$.status")), restartedApp);
        assertThat(ops.get("/api/jobs/executions/" + restarted).<String>json("$.status")).isEqualTo("COMPLETED");

        List<Person> people = data.people();
        assertThat(people).hasSize(20);
        assertThat(people).extracting(Person::allocationStatus).containsOnly("HELD");
        assertThat(people).extracting(Person::invitationStatus).containsAnyOf("SENT").isSubsetOf("SENT", "UNCONFIRMED");
        Map<String, Integer> deliveries = sendGrid.deliveriesPerInvitation();
        for (Person person : people) {
            Integer times = deliveries.getOrDefault(Long.toString(person.invitationId()), 0);
            if ("SENT".equals(person.invitationStatus())) {
                assertThat(times).as("invitation %s sent", person.invitationId()).isEqualTo(1);
            }
            else {
                assertThat(times).as("invitation %s left unconfirmed", person.invitationId()).isLessThanOrEqualTo(1);
            }
        }
        assertThat(sendGrid.schemaViolations()).isEmpty();
    }

    private String[] mailThroughStandIn(String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--jadecrane.mail.sendgrid.api-key=SG.crash-test-key",
                "--jadecrane.mail.sendgrid.base-url=" + sendGrid.baseUrl(), "--jadecrane.invitations.chunk-size=2",
                "--jadecrane.invitations.send-threads=2"));
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }

    private long latestNightlyExecution() {
        return jdbc.sql("""
                select max(e.job_execution_id) from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id where i.job_name = ?""")
                .param(NightlyInvitationJobConfiguration.JOB_NAME).query(Long.class).single();
    }

    private static long sent(List<Person> people) {
        return people.stream().filter(p -> "SENT".equals(p.invitationStatus())).count();
    }

    private static boolean healthy(int appPort) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + appPort + "/management/health")).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (java.io.IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, TestInstances.Instance instance) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!instance.process().isAlive()) {
                throw new AssertionError("The instance ended early; see " + instance.log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout + " in vain; see " + instance.log());
            }
            Thread.sleep(50);
        }
    }
}
