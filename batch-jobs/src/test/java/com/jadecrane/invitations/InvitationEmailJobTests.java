package com.jadecrane.invitations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on the shared test database, sending to the outbox (no SendGrid key in the tests): the
 * outbox counts the mails per invitation id. Other tests' HELD allocations are invited too, so
 * assertions only look at this test's own rows.
 */
@IntegrationTest
class InvitationEmailJobTests {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    Job invitationEmailJob;

    @Autowired
    JdbcClient jdbc;

    JobOperatorTestUtils batch;

    InvitationTestData data;

    @BeforeEach
    void setUp() {
        batch = new JobOperatorTestUtils(jobOperator, jobRepository);
        batch.setJob(invitationEmailJob);
        data = new InvitationTestData(jdbc);
    }

    @AfterEach
    void dropFailureTrigger() {
        jdbc.sql("drop trigger if exists invitations_test_fail on invitation").update();
    }

    @Test
    void everyHeldSeatGetsOneInvitationAndItsReplyDeadline() throws Exception {
        Seat first = data.heldSeat();
        Seat second = data.heldSeat();

        JobExecution execution = run("false");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (Seat seat : new Seat[] { first, second }) {
            Long invitation = data.invitationOf(seat.allocationId());
            assertThat(invitation).isNotNull();
            assertThat(data.status(invitation)).isEqualTo("SENT");
            assertThat(data.outboxMails(invitation)).isEqualTo(1);
            assertThat(data.holdExpiresAt(seat.allocationId())).isNotNull();
        }
        assertThat(data.invitationOf(first.allocationId())).as("queue order").isLessThan(data.invitationOf(second.allocationId()));

        run("false");
        assertThat(data.outboxMails(data.invitationOf(first.allocationId()))).as("never twice").isEqualTo(1);
    }

    @Test
    void aSendLeftSendingByACrashBecomesUnconfirmedAndIsNeverSentAgain() throws Exception {
        Seat crashed = data.pendingInvitation();
        Seat waiting = data.pendingInvitation();
        // the state a run killed between its claim and SendGrid's answer leaves behind
        jdbc.sql("update invitation set status = 'SENDING', attempts = 1 where id = ?").param(crashed.invitationId()).update();

        JobExecution execution = run("false");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(data.status(crashed.invitationId())).isEqualTo("UNCONFIRMED");
        assertThat(data.outboxMails(crashed.invitationId())).isZero();
        assertThat(data.holdExpiresAt(crashed.allocationId())).isNull();
        assertThat(data.status(waiting.invitationId())).isEqualTo("SENT");
        assertThat(data.outboxMails(waiting.invitationId())).isEqualTo(1);

        run("false");
        assertThat(data.status(crashed.invitationId())).isEqualTo("UNCONFIRMED");
        assertThat(data.outboxMails(crashed.invitationId())).isZero();
        assertThat(data.outboxMails(waiting.invitationId())).isEqualTo(1);
    }

    /** The windows job expires and releases seats in bulk, announcing nothing: the queue step sweeps them. */
    @Test
    void aPendingInvitationWhoseSeatWasReleasedInBulkIsCancelledAndNeverSent() throws Exception {
        Seat expired = data.pendingInvitation();
        Seat gone = data.pendingInvitation();
        jdbc.sql("update window_allocation set status = 'EXPIRED', released_at = now() where id = ?")
                .param(expired.allocationId()).update();
        jdbc.sql("""
                update window_allocation set status = 'RELEASED', released_at = now(),
                    release_reason = 'the person is no longer on the waitlist (merged)' where id = ?""")
                .param(gone.allocationId()).update();

        JobExecution execution = run("false");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(data.status(expired.invitationId())).isEqualTo("CANCELLED");
        assertThat(data.status(gone.invitationId())).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select failure_reason from invitation where id = ?").param(gone.invitationId())
                .query(String.class).single()).isEqualTo("the seat was released before the invitation was sent"
                        + " (the person is no longer on the waitlist (merged))");
        assertThat(data.outboxMails(expired.invitationId()) + data.outboxMails(gone.invitationId())).isZero();
        assertThat(step(execution, InvitationEmailJobConfiguration.QUEUE_STEP).getExitStatus().getExitDescription())
                .contains("pending invitation(s) cancelled");
    }

    @Test
    void aDryRunSendsNothingChangesNothingAndSaysHowManyWouldBeSent() throws Exception {
        Seat seat = data.heldSeat();
        Seat interrupted = data.pendingInvitation();
        jdbc.sql("update invitation set status = 'SENDING' where id = ?").param(interrupted.invitationId()).update();

        JobExecution execution = run("true");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(data.invitationOf(seat.allocationId())).isNull();
        assertThat(data.status(interrupted.invitationId())).isEqualTo("SENDING");
        StepExecution queue = step(execution, InvitationEmailJobConfiguration.QUEUE_STEP);
        assertThat(queue.getExitStatus().getExitDescription()).contains("invitation(s) would be sent");
        assertThat(queue.getExecutionContext().getLong("wouldSend")).isGreaterThanOrEqualTo(1);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .doesNotContain(InvitationEmailJobConfiguration.SEND_STEP);
        jdbc.sql("update invitation set status = 'UNCONFIRMED' where id = ?").param(interrupted.invitationId()).update();
    }

    /**
     * The database refuses to record one invitation as SENT after its mail went out, as a run
     * killed at that moment would: the step fails with the row SENDING. The restart turns it
     * UNCONFIRMED (not sent again) and sends the rest.
     */
    @Test
    void aFailedRunIsRestartedWithoutSendingAnythingTwice() throws Exception {
        Seat dying = data.pendingInvitation();
        jdbc.sql("""
                create or replace function invitations_test_fail() returns trigger language plpgsql as
                'begin raise exception ''simulated crash after sending''; end'
                """).update();
        jdbc.sql("create trigger invitations_test_fail before update on invitation for each row when (new.id = "
                + dying.invitationId() + " and new.status = 'SENT') execute function invitations_test_fail()").update();

        JobExecution failed = run("false");

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(data.status(dying.invitationId())).isEqualTo("SENDING");
        assertThat(data.outboxMails(dying.invitationId())).isEqualTo(1);

        dropFailureTrigger();
        Seat later = data.pendingInvitation();
        JobExecution restarted = jobOperator.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(data.status(dying.invitationId())).isEqualTo("UNCONFIRMED");
        assertThat(data.outboxMails(dying.invitationId())).as("sent once, never again").isEqualTo(1);
        assertThat(data.status(later.invitationId())).isEqualTo("SENT");
        assertThat(data.outboxMails(later.invitationId())).isEqualTo(1);
    }

    private JobExecution run(String dryRun) throws Exception {
        return batch.startJob(batch.getUniqueJobParametersBuilder().addString("dryRun", dryRun).toJobParameters());
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
