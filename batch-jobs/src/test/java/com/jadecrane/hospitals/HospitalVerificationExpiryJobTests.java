package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.jadecrane.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on the shared test database. {@link JobOperatorTestUtils} is built from the application's
 * own JobOperator and JobRepository (rather than through {@code @SpringBatchTest}) so the test runs
 * in the one Spring context all integration tests share. Other tests' profiles are in the same
 * tables: assertions only look at this test's own rows.
 */
@IntegrationTest
@RecordApplicationEvents
class HospitalVerificationExpiryJobTests {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    Job hospitalVerificationExpiryJob;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    JobOperatorTestUtils batch;

    final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        batch = new JobOperatorTestUtils(jobOperator, jobRepository);
        batch.setJob(hospitalVerificationExpiryJob);
    }

    @AfterEach
    void dropFailureTrigger() {
        jdbc.sql("drop trigger if exists hospitals_test_fail on hospital").update();
    }

    @Test
    void lapsedProfilesExpireAndThoseDueSoonAreListed() throws Exception {
        String marker = "expiry-" + UUID.randomUUID().toString().substring(0, 8);
        long lapsed = verifiedHospital(marker + "-lapsed", today.minusDays(1));
        long lapsesToday = verifiedHospital(marker + "-today", today);
        long dueSoon = verifiedHospital(marker + "-due", today.plusDays(30));
        long fine = verifiedHospital(marker + "-fine", today.plusDays(31));

        JobExecution execution = batch.startJob(parameters(today));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(status(lapsed)).isEqualTo("EXPIRED");
        assertThat(jdbc.sql("select status_reason from hospital where id = ?").param(lapsed).query(String.class).single())
                .isEqualTo("Verification lapsed on " + today.minusDays(1));
        assertThat(status(lapsesToday)).as("valid through its expiry date").isEqualTo("VERIFIED");
        assertThat(status(dueSoon)).isEqualTo("VERIFIED");
        assertThat(status(fine)).isEqualTo("VERIFIED");
        assertThat(dueOn(today, marker)).containsExactlyInAnyOrder(lapsesToday, dueSoon);
        StepExecution dueStep = step(execution, HospitalVerificationExpiryJobConfiguration.DUE_STEP);
        assertThat(dueStep.getExitStatus().getExitDescription()).contains("due for re-verification by " + today.plusDays(30));
        assertThat(dueStep.getExecutionContext().getInt("dueCount")).isGreaterThanOrEqualTo(2);
        assertThat(events.stream(HospitalVerificationExpired.class).filter(e -> e.hospitalId() == lapsed))
                .containsExactly(new HospitalVerificationExpired(lapsed, marker + "-lapsed", today.minusDays(1), today));
    }

    @Test
    void runningTwiceForTheSameDateChangesNothingMore() throws Exception {
        String marker = "twice-" + UUID.randomUUID().toString().substring(0, 8);
        long lapsed = verifiedHospital(marker + "-lapsed", today.minusDays(5));
        long dueSoon = verifiedHospital(marker + "-due", today.plusDays(7));
        batch.startJob(parameters(today));
        long versionAfterFirstRun = version(lapsed);
        events.clear();

        JobExecution again = batch.startJob(parameters(today));

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(version(lapsed)).isEqualTo(versionAfterFirstRun);
        assertThat(events.stream(HospitalVerificationExpired.class).filter(e -> e.hospitalId() == lapsed)).isEmpty();
        assertThat(dueOn(today, marker)).containsExactly(dueSoon);
    }

    /** The ops console passes every parameter as text, so runDate arrives as "2026-11-24". */
    @Test
    void theRunDateParameterDecidesWhatHasLapsed() throws Exception {
        String marker = "run-date-" + UUID.randomUUID().toString().substring(0, 8);
        long lapsesNextWeek = verifiedHospital(marker + "-next-week", today.plusDays(7));

        batch.startJob(batch.getUniqueJobParametersBuilder().addString("runDate", today.minusDays(1).toString())
                .toJobParameters());
        assertThat(status(lapsesNextWeek)).isEqualTo("VERIFIED");
        assertThat(dueOn(today.minusDays(1), marker)).containsExactly(lapsesNextWeek);
    }

    @Test
    void aFailedRunCanBeRestartedAndFinishes() throws Exception {
        String marker = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        long failing = verifiedHospital(marker + "-failing", today.minusDays(2));
        long other = verifiedHospital(marker + "-other", today.minusDays(3));
        long dueSoon = verifiedHospital(marker + "-due", today.plusDays(3));
        // The database refuses to expire one of them, once: the step fails mid-way.
        jdbc.sql("""
                create or replace function hospitals_test_fail() returns trigger language plpgsql as
                'begin raise exception ''simulated outage''; end'
                """).update();
        jdbc.sql("create trigger hospitals_test_fail before update on hospital for each row when (new.slug = '"
                + marker + "-failing') execute function hospitals_test_fail()").update();

        JobExecution failed = batch.startJob(parameters(today));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step(failed, HospitalVerificationExpiryJobConfiguration.EXPIRE_STEP).getStatus())
                .isEqualTo(BatchStatus.FAILED);
        assertThat(status(failing)).isEqualTo("VERIFIED");
        assertThat(status(other)).as("the failed chunk was rolled back").isEqualTo("VERIFIED");
        assertThat(dueOn(today, marker)).as("step 2 did not run").isEmpty();

        dropFailureTrigger();
        JobExecution restarted = jobOperator.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(status(failing)).isEqualTo("EXPIRED");
        assertThat(status(other)).isEqualTo("EXPIRED");
        assertThat(dueOn(today, marker)).containsExactly(dueSoon);
    }

    private JobParameters parameters(LocalDate runDate) {
        return batch.getUniqueJobParametersBuilder().addLocalDate("runDate", runDate).toJobParameters();
    }

    /** A VERIFIED profile whose latest verification runs until {@code expiresOn}, written directly. */
    private long verifiedHospital(String slug, LocalDate expiresOn) {
        long id = jdbc.sql("""
                insert into hospital (slug, name, city, created_by, updated_by)
                values (?, ?, 'Jobtown', 'test', 'test') returning id
                """).params(slug, "Job test " + slug).query(Long.class).single();
        long verification = jdbc.sql("""
                insert into hospital_verification (hospital_id, verified_on, expires_on, method, verifier, recorded_by)
                values (?, ?, ?, 'PHONE', 'Test', 'test') returning id
                """).params(id, expiresOn.minusMonths(12), expiresOn).query(Long.class).single();
        jdbc.sql("update hospital set status = 'VERIFIED', latest_verification_id = ? where id = ?")
                .params(verification, id).update();
        return id;
    }

    private String status(long id) {
        return jdbc.sql("select status from hospital where id = ?").param(id).query(String.class).single();
    }

    private long version(long id) {
        return jdbc.sql("select version from hospital where id = ?").param(id).query(Long.class).single();
    }

    private List<Long> dueOn(LocalDate runDate, String marker) {
        return jdbc.sql("""
                select d.hospital_id from hospital_reverification_due d join hospital h on h.id = d.hospital_id
                where d.run_date = ? and h.slug like ? order by d.expires_on
                """).params(runDate, marker + "-%").query(Long.class).list();
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
