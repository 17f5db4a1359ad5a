package com.jadecrane.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jadecrane.jobs.NightlyTestData.Person;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.SendGridStandIn;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly run end to end in this JVM, with mail going to a local SendGrid stand-in: sign-ups
 * through the public API are filed, seated and invited once; a dry run changes and sends nothing;
 * a run stopped mid-send shows on the dashboard, is emailed to ops, and once restarted finishes the
 * work without sending anyone twice. Small
 * chunks and a slow stand-in give the stop a moment to land in.
 */
@IntegrationTest
class NightlyInvitationJobTests {

    @RegisterExtension
    static final SendGridStandIn sendGrid = new SendGridStandIn();

    @DynamicPropertySource
    static void mailThroughTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("jadecrane.mail.sendgrid.api-key", () -> "SG.nightly-test-key");
        registry.add("jadecrane.mail.sendgrid.base-url", sendGrid::baseUrl);
        registry.add("jadecrane.invitations.chunk-size", () -> "2");
        registry.add("jadecrane.invitations.send-threads", () -> "2");
    }

    @LocalServerPort
    int port;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    Job nightlyInvitationJob;

    @Autowired
    JdbcClient jdbc;

    JobOperatorTestUtils batch;

    NightlyTestData data;

    @BeforeEach
    void setUp() {
        batch = new JobOperatorTestUtils(jobOperator, jobRepository);
        batch.setJob(nightlyInvitationJob);
        data = new NightlyTestData(jdbc, port);
    }

    @Test
    void theNightlyRunFilesSeatsAndInvitesEveryoneOnce() throws Exception {
        data.openWindows(2, 3);
        data.signUp(5);

        JobExecution execution = run("false");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly(
                "fileNewSignupsStep", "flagLookAlikesStep", "releaseSeatsStep", "allocateSeatsStep",
                "markInterruptedSendsStep", "queueInvitationsStep", "sendInvitationsStep");
        List<Person> people = data.people();
        assertThat(people).as("five people from eight sign-ups").hasSize(5);
        assertThat(people).extracting(Person::signups).containsExactly(2, 1, 2, 1, 2);
        assertThat(people).extracting(Person::allocationStatus).containsOnly("HELD");
        assertThat(people).extracting(Person::invitationStatus).containsOnly("SENT");
        assertThat(people).extracting(Person::messageId).doesNotContainNull();
        assertSentOnceEach(people);

        assertThat(run("false").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(data.people()).as("a second run changes nothing for them").isEqualTo(people);
        assertSentOnceEach(people);
    }

    @Test
    void aDryRunFilesSeatsAndSendsNothing() throws Exception {
        data.openWindows(1, 3);
        data.signUp(3);
        Map<String, Object> before = databaseState();
        int requestsBefore = sendGrid.requests();

        JobExecution execution = run("true");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .contains("previewSignupFilingStep", "allocateSeatsStep", "queueInvitationsStep")
                .doesNotContain("fileNewSignupsStep", "sendInvitationsStep");
        assertThat(step(execution, "previewSignupFilingStep").getExitStatus().getExitDescription())
                .contains("dry run, nothing changed").contains("would be filed");
        assertThat(step(execution, "queueInvitationsStep").getExitStatus().getExitDescription()).contains("would be sent");
        assertThat(databaseState()).isEqualTo(before);
        assertThat(data.newSignups()).isEqualTo(5);
        assertThat(sendGrid.requests()).isEqualTo(requestsBefore);
    }

    @Test
    void aRunStoppedWhileSendingIsRestartedAndFinishesWithoutSendingAnyoneTwice() throws Exception {
        data.openWindows(4, 3);
        data.signUp(12);
        sendGrid.answerAcceptedAfter(250);

        CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run("false");
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        awaitSentAtLeast(2);
        JobExecution execution = jobRepository.findRunningJobExecutions(NightlyInvitationJobConfiguration.JOB_NAME)
                .iterator().next();
        jobOperator.stop(execution);
        JobExecution stopped = running.get(60, TimeUnit.SECONDS);

        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        long sentWhenStopped = data.people().stream().filter(p -> "SENT".equals(p.invitationStatus())).count();
        assertThat(sentWhenStopped).as("the stop came before the end").isLessThan(12);
        ApiClient.Response dashboard = TestUsers.signedIn(port, "LEADERSHIP").get("/api/dashboard");
        assertThat(dashboard.<Integer>json("$.nightlyRun.executionId")).isEqualTo((int) stopped.getId());
        assertThat(dashboard.<String>json("$.nightlyRun.status")).isEqualTo("STOPPED");
        assertThat(sendGrid.subjects()).as("ops are told").contains("[Jade Crane] nightlyInvitationJob ended STOPPED");

        sendGrid.answerAcceptedAfter(0);
        JobExecution restarted = jobOperator.restart(stopped);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(stopped.getJobInstance().getInstanceId());
        List<Person> people = data.people();
        assertThat(people).hasSize(12);
        assertThat(people).extracting(Person::invitationStatus).containsOnly("SENT");
        assertSentOnceEach(people);
    }

    private JobExecution run(String dryRun) throws Exception {
        return batch.startJob(batch.getUniqueJobParametersBuilder().addString(DryRun.PARAMETER, dryRun).toJobParameters());
    }

    private void assertSentOnceEach(List<Person> people) {
        Map<String, Integer> deliveries = sendGrid.deliveriesPerInvitation();
        for (Person person : people) {
            assertThat(deliveries.get(Long.toString(person.invitationId()))).as("deliveries of invitation %s", person.invitationId())
                    .isEqualTo(1);
        }
    }

    /** Everything a dry run must leave alone, over the whole database. */
    private Map<String, Object> databaseState() {
        return jdbc.sql("""
                select (select count(*) from waitlist_signup where state = 'NEW') as new_signups,
                       (select count(*) from waitlist_entry) as entries,
                       (select count(*) from waitlist_merge) as merges,
                       (select count(*) from window_allocation) as allocations,
                       (select count(*) filter (where status = 'HELD') from window_allocation) as held,
                       (select coalesce(sum(seats_taken), 0) from consultation_window) as seats_taken,
                       (select count(*) from invitation) as invitations,
                       (select string_agg(status || ':' || n, ',' order by status)
                        from (select status, count(*) as n from invitation group by status) s) as invitation_statuses""")
                .query().singleRow();
    }

    private void awaitSentAtLeast(int sent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (data.people().stream().filter(p -> "SENT".equals(p.invitationStatus())).count() < sent) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Nothing was sent within a minute");
            }
            Thread.sleep(20);
        }
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
