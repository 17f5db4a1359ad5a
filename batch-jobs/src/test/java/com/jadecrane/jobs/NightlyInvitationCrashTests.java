package com.jadecrane.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * The nightly run in a JVM of its own (the command line, as cron would start it) is ended in the
 * middle of its invitation step: by SIGKILL, after which the application started again recovers
 * the dead run, ops restart it, and every allocated person ends up invited exactly once, or
 * UNCONFIRMED when the kill came between the claim and SendGrid's answer: never twice; and by
 * SIGTERM, which stops the run cleanly at its next commit (STOPPED), so its restart invites the
 * rest and nobody is UNCONFIRMED.
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
        NightlyTestData data = nightlyRunSending("nightly-killed");
        nightlyRun.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killed = latestNightlyExecution();
        List<Person> atTheKill = data.people();
        assertThat(sent(atTheKill)).as("killed before the end of the step").isLessThan(20);
        assertThat(status(killed)).as("a killed process leaves its run STARTED").isEqualTo("STARTED");

        ApiClient ops = restartedAppSignedIn();
        ApiClient.Response recovered = ops.get("/api/jobs/executions/" + killed);
        assertThat(recovered.<String>json("$.status")).isEqualTo("FAILED");
        assertThat(recovered.<String>json("$.recoveredAt")).as("recovered at start-up").isNotNull();

        assertThat(restartToCompletion(ops, killed)).isEqualTo("COMPLETED");
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

    @Test
    void sigtermWhileSendingStopsTheRunAtItsNextCommitAndItsRestartInvitesEveryoneOnce() throws Exception {
        NightlyTestData data = nightlyRunSending("nightly-terminated");
        long terminated = latestNightlyExecution();
        nightlyRun.process().destroy();
        assertThat(nightlyRun.process().waitFor(60, TimeUnit.SECONDS)).as("ended within the grace period").isTrue();

        assertThat(status(terminated)).as("stopped, not left running").isEqualTo("STOPPED");
        assertThat(sent(data.people())).as("stopped before the end of the step").isLessThan(20);
        assertThat(data.people()).extracting(Person::invitationStatus).doesNotContain("SENDING", "UNCONFIRMED");
        assertThat(nightlyRun.output()).contains("Shutting down: stopping nightlyInvitationJob (execution " + terminated + ")");

        ApiClient ops = restartedAppSignedIn();
        assertThat(restartToCompletion(ops, terminated)).isEqualTo("COMPLETED");
        List<Person> people = data.people();
        assertThat(people).hasSize(20);
        assertThat(people).extracting(Person::invitationStatus).containsOnly("SENT");
        Map<String, Integer> deliveries = sendGrid.deliveriesPerInvitation();
        for (Person person : people) {
            assertThat(deliveries.get(Long.toString(person.invitationId()))).as("invitation %s", person.invitationId()).isEqualTo(1);
        }
    }

    /** 20 people to invite, and the command-line nightly run in a JVM of its own, once it has sent three. */
    private NightlyTestData nightlyRunSending(String name) throws Exception {
        NightlyTestData data = new NightlyTestData(jdbc, port);
        data.openWindows(5, 4);
        data.signUp(20);
        sendGrid.answerAcceptedAfter(300);
        nightlyRun = TestInstances.startJvm(name, mailThroughStandIn("--jadecrane.run-job=nightlyInvitationJob"));
        nightlyRun.await(Duration.ofMinutes(3), () -> sent(data.people()) >= 3);
        return data;
    }

    /** The application started again (which recovers dead runs) with ops signed in. */
    private ApiClient restartedAppSignedIn() throws Exception {
        sendGrid.answerAcceptedAfter(0);
        int appPort = TestInstances.freePort();
        restartedApp = TestInstances.startJvm("nightly-restarted", mailThroughStandIn("--server.port=" + appPort,
                "--jadecrane.scheduler.enabled=false"));
        restartedApp.awaitHealthy(appPort, Duration.ofMinutes(3));
        return TestUsers.signedIn(appPort, "OPS");
    }

    private String restartToCompletion(ApiClient ops, long executionId) throws InterruptedException {
        return JobExecutionsApi.awaitEnd(ops, JobExecutionsApi.restart(ops, executionId), restartedApp);
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

    private String status(long executionId) {
        return jdbc.sql("select status from batch_job_execution where job_execution_id = ?").param(executionId)
                .query(String.class).single();
    }

    private static long sent(List<Person> people) {
        return people.stream().filter(p -> "SENT".equals(p.invitationStatus())).count();
    }
}
