package com.jadecrane.invitations;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.jobs.DryRun;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external PostgreSQL that may lose commits (the shared test database runs with fsync and
 * synchronous commits off) and nobody accepted the risk: the steps whose promise rests on a commit
 * refuse to run, naming the setting, and the health endpoint says why.
 */
@IntegrationTest
@TestPropertySource(properties = "jadecrane.database.accept-non-durable-commits=false")
class NonDurableDatabaseTests {

    @LocalServerPort
    int port;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    Job invitationEmailJob;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theInvitationSendRefusesToRunAndNothingIsClaimed() throws Exception {
        Seat seat = new InvitationTestData(jdbc).pendingInvitation();
        JobOperatorTestUtils batch = new JobOperatorTestUtils(jobOperator, jobRepository);
        batch.setJob(invitationEmailJob);

        JobExecution execution = batch.startJob(batch.getUniqueJobParametersBuilder()
                .addString(DryRun.PARAMETER, "false").toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
                .anySatisfy(message -> assertThat(message).contains("Refusing sending invitations")
                        .contains("fsync=off").contains("synchronous_commit=off")
                        .contains("jadecrane.database.accept-non-durable-commits=true"));
        assertThat(jdbc.sql("select status from invitation where id = ?").param(seat.invitationId()).query(String.class).single())
                .as("not claimed").isEqualTo("PENDING");
    }

    @Test
    void erasureRefusesWithAProblemNamingTheSetting() {
        Seat seat = new InvitationTestData(jdbc).heldSeat();

        ApiClient.Response erase = TestUsers.signedIn(port, "OPS").post("/api/waitlist/" + seat.entryId() + "/erase", "");

        assertThat(erase.status()).as(erase.body()).isEqualTo(503);
        assertThat(erase.contentType()).startsWith("application/problem+json");
        assertThat(erase.<String>json("$.detail")).contains("Refusing erasing personal data").contains("fsync=off");
        assertThat(jdbc.sql("select email from waitlist_entry where id = ?").param(seat.entryId()).query(String.class).single())
                .as("nothing erased").isEqualTo(seat.email());
    }

    @Test
    void theHealthEndpointSaysWhy() {
        ApiClient.Response anonymous = new ApiClient(port).get("/management/health");
        assertThat(anonymous.status()).as("the application still serves").isEqualTo(200);
        assertThat(anonymous.<String>json("$.status")).isEqualTo("NOT_DURABLE");

        ApiClient.Response admin = TestUsers.admin(port).get("/management/health");
        assertThat(admin.<String>json("$.components.durableCommits.status")).isEqualTo("NOT_DURABLE");
        assertThat(admin.<List<String>>json("$.components.durableCommits.details.unsafe"))
                .contains("fsync=off", "synchronous_commit=off");
    }
}
