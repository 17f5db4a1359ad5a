package com.jadecrane.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job on the shared test database: other tests' entries are in the queue too, so every test
 * files its own entries and windows under a specialty of its own and looks only at those.
 */
@IntegrationTest
class WindowAllocationJobTests {

    /** Runs count from here; windows are placed a few days later. */
    static final Instant RUN_AT = Instant.parse("2027-01-10T00:00:00Z");

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("windowAllocationJob")
    Job job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SeatHolds seatHolds;

    WindowTestData data;

    @BeforeEach
    void data() {
        data = new WindowTestData(jdbc);
    }

    @AfterEach
    void dropFailureTrigger() {
        jdbc.sql("drop trigger if exists fail_once on allocation_outcome").update();
        jdbc.sql("drop function if exists fail_on_marked_entry()").update();
    }

    @Test
    void queueOrderTakesTheEarliestFittingWindowAndTheRestGetReasons() throws Exception {
        String oncology = data.specialty();
        String other = data.specialty();
        long later = data.window(at("2027-01-20T02:00:00Z"), at("2027-01-20T03:00:00Z"), oncology, 1, false, "en");
        long earliest = data.window(at("2027-01-15T02:00:00Z"), at("2027-01-15T03:00:00Z"), oncology, 1, false, "en");
        data.window(at("2027-01-14T02:00:00Z"), at("2027-01-14T03:00:00Z"), oncology, 5, "DRAFT", false, "en");
        data.window(at("2027-01-14T02:00:00Z"), at("2027-01-14T03:00:00Z"), oncology, 5, "CLOSED", false, "en");
        long second = data.entry(at("2026-03-02T00:00:00Z"), "en", "Asia/Shanghai", oncology);
        long first = data.entry(at("2026-03-01T00:00:00Z"), "en", "Asia/Shanghai", oncology);
        long third = data.entry(at("2026-03-03T00:00:00Z"), "en-GB", "Asia/Shanghai", oncology);
        long noSpecialty = data.entry(at("2026-03-01T00:00:00Z"), "en", "Asia/Shanghai", other);
        long noLanguage = data.entry(at("2026-03-01T00:00:00Z"), "fr", "Asia/Shanghai", oncology);
        long noHour = data.entry(at("2026-03-01T00:00:00Z"), "en", "Europe/London", oncology);

        JobExecution run = run(RUN_AT, false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(data.seatOf(first)).isEqualTo(earliest);
        assertThat(data.seatOf(second)).isEqualTo(later);
        assertThat(data.seatOf(third)).isNull();
        assertThat(data.outcome(run.getId(), third)).isEqualTo("ALL_FULL");
        assertThat(data.outcome(run.getId(), noSpecialty)).isEqualTo("NO_WINDOW_FOR_SPECIALTY");
        assertThat(data.outcome(run.getId(), noLanguage)).isEqualTo("NO_WINDOW_FOR_LANGUAGE");
        assertThat(data.outcome(run.getId(), noHour)).isEqualTo("NO_REASONABLE_HOUR");
        assertThat(data.seatsTaken(earliest)).isEqualTo(1);
        assertThat(jdbc.sql("select allocated_by, status from window_allocation where entry_id = ?").param(first).query()
                .singleRow()).containsEntry("allocated_by", "job:" + run.getId()).containsEntry("status", "HELD");
        assertThat(step(run, "allocateSeatsStep").getExitStatus().getExitDescription()).contains("allocated", "ALL_FULL");

        JobExecution again = run(RUN_AT.plusSeconds(60), false);

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(data.outcome(again.getId(), first)).as("seated entries are not read again").isNull();
        assertThat(data.outcome(again.getId(), third)).isEqualTo("ALL_FULL");
        assertThat(jdbc.sql("select count(*) from window_allocation where window_id in (?, ?)").params(earliest, later)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void languagesMatchOnThePrimarySubtagOrThroughAnInterpreter() throws Exception {
        String specialty = data.specialty();
        long portuguese = data.window(at("2027-01-15T02:00:00Z"), at("2027-01-15T03:00:00Z"), specialty, 1, false, "pt");
        long european = data.window(at("2027-01-16T02:00:00Z"), at("2027-01-16T03:00:00Z"), specialty, 1, false, "pt-PT", "es");
        long interpreted = data.window(at("2027-01-17T02:00:00Z"), at("2027-01-17T03:00:00Z"), specialty, 1, true, "zh");
        long brazilian = data.entry(at("2026-01-01T00:00:00Z"), "pt-BR", "Asia/Shanghai", specialty);
        long plainPortuguese = data.entry(at("2026-01-02T00:00:00Z"), "pt", "Asia/Shanghai", specialty);
        long japanese = data.entry(at("2026-01-03T00:00:00Z"), "ja", "Asia/Tokyo", specialty);
        long french = data.entry(at("2026-01-04T00:00:00Z"), "fr", "Asia/Shanghai", specialty);

        JobExecution run = run(RUN_AT, false);

        assertThat(data.seatOf(brazilian)).isEqualTo(portuguese);
        assertThat(data.seatOf(plainPortuguese)).isEqualTo(european);
        assertThat(data.seatOf(japanese)).isEqualTo(interpreted);
        assertThat(data.outcome(run.getId(), french)).as("only the interpreter window spoke French, and it is taken")
                .isEqualTo("ALL_FULL");
    }

    @Test
    void aWindowStartingWithinTheMinimumNoticeIsNotOffered() throws Exception {
        String specialty = data.specialty();
        long soon = data.window(RUN_AT.plus(Duration.ofHours(71)), RUN_AT.plus(Duration.ofHours(72)), specialty, 1, false, "en");
        long entry = data.entry(at("2026-01-01T00:00:00Z"), "en", "Asia/Tokyo", specialty);

        JobExecution run = run(RUN_AT, false);
        assertThat(data.outcome(run.getId(), entry)).as("the specialty has a window, only too soon")
                .isEqualTo("NO_WINDOW_WITH_ENOUGH_NOTICE");
        assertThat(data.seatsTaken(soon)).isZero();

        JobExecution shorterNotice = jobOperator.start(job, parameters(RUN_AT, false).addString("minimumNoticeHours", "24")
                .toJobParameters());
        assertThat(data.outcome(shorterNotice.getId(), entry)).isEqualTo(Long.toString(soon));
    }

    /** A window after the notice that is full says so, whatever starts sooner; the seat never goes to the sooner one. */
    @Test
    void aFullWindowAfterTheNoticeIsReportedFullNotTooSoon() throws Exception {
        String specialty = data.specialty();
        long soon = data.window(RUN_AT.plus(Duration.ofHours(26)), RUN_AT.plus(Duration.ofHours(27)), specialty, 5, false, "en");
        long later = data.window(RUN_AT.plus(Duration.ofHours(74)), RUN_AT.plus(Duration.ofHours(75)), specialty, 1, false, "en");
        long first = data.entry(at("2026-01-01T00:00:00Z"), "en", "Asia/Tokyo", specialty);
        long second = data.entry(at("2026-01-02T00:00:00Z"), "en", "Asia/Tokyo", specialty);

        JobExecution run = run(RUN_AT, false);

        assertThat(data.seatOf(first)).isEqualTo(later);
        assertThat(data.outcome(run.getId(), second)).isEqualTo("ALL_FULL");
        assertThat(data.seatsTaken(soon)).isZero();
        assertThat(step(run, "allocateSeatsStep").getExitStatus().getExitDescription()).contains("ALL_FULL");
    }

    /**
     * 19:00-20:00 UTC on 14 January is 09:00-10:00 the next day on Kiritimati (UTC+14) and 08:00-09:00 the same day
     * in Pago Pago (UTC-11), but 03:00 in Shanghai: the two sides of the date line get the seat.
     */
    @Test
    void reasonableHoursAreJudgedInEachPersonsZoneAcrossTheDateLine() throws Exception {
        String specialty = data.specialty();
        long window = data.window(at("2027-01-14T19:00:00Z"), at("2027-01-14T20:00:00Z"), specialty, 3, false, "en");
        long kiritimati = data.entry(at("2026-01-01T00:00:00Z"), "en", "Pacific/Kiritimati", specialty);
        long pagoPago = data.entry(at("2026-01-02T00:00:00Z"), "en", "Pacific/Pago_Pago", specialty);
        long shanghai = data.entry(at("2026-01-03T00:00:00Z"), "en", "Asia/Shanghai", specialty);

        JobExecution run = run(RUN_AT, false);

        assertThat(data.seatOf(kiritimati)).isEqualTo(window);
        assertThat(data.seatOf(pagoPago)).isEqualTo(window);
        assertThat(data.outcome(run.getId(), shanghai)).isEqualTo("NO_REASONABLE_HOUR");
    }

    /** 12:00 UTC is 07:00 in New York before the March change and 08:00 after it. */
    @Test
    void reasonableHoursFollowDaylightSavingChanges() throws Exception {
        String specialty = data.specialty();
        long beforeChange = data.window(at("2027-03-12T12:00:00Z"), at("2027-03-12T13:00:00Z"), specialty, 1, false, "en");
        long afterChange = data.window(at("2027-03-15T12:00:00Z"), at("2027-03-15T13:00:00Z"), specialty, 1, false, "en");
        long newYorker = data.entry(at("2026-01-01T00:00:00Z"), "en", "America/New_York", specialty);
        long londoner = data.entry(at("2026-01-02T00:00:00Z"), "en", "Europe/London", specialty);

        run(Instant.parse("2027-03-01T00:00:00Z"), false);

        assertThat(data.seatOf(newYorker)).isEqualTo(afterChange);
        assertThat(data.seatOf(londoner)).isEqualTo(beforeChange);
    }

    @Test
    void twoRunsAtOnceNeverOverbookAndSeatNobodyTwice() throws Exception {
        String specialty = data.specialty();
        long a = data.window(at("2027-01-15T02:00:00Z"), at("2027-01-15T03:00:00Z"), specialty, 3, false, "en");
        long b = data.window(at("2027-01-16T02:00:00Z"), at("2027-01-16T03:00:00Z"), specialty, 2, false, "en");
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(data.entry(at("2026-01-01T00:00:00Z").plusSeconds(i), "en", "Asia/Shanghai", specialty));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<JobExecution> oneRun = () -> startDespiteLaunchRace(() -> parameters(RUN_AT, false).addString("chunkSize", "1")
                    .addString("test.thread", Thread.currentThread().getName()));
            Future<JobExecution> first = threads.submit(oneRun);
            Future<JobExecution> second = threads.submit(oneRun);
            assertThat(first.get().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(second.get().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(data.seatsTaken(a)).isEqualTo(3);
        assertThat(data.seatsTaken(b)).isEqualTo(2);
        List<Long> seated = jdbc.sql("select entry_id from window_allocation where window_id in (?, ?) order by entry_id")
                .params(a, b).query(Long.class).list();
        assertThat(seated).hasSize(5).doesNotHaveDuplicates();
        assertThat(seated).containsExactlyInAnyOrderElementsOf(entries.subList(0, 5));
    }

    @Test
    void theDatabaseRefusesASeatBeyondCapacityWhoeverAsks() {
        String specialty = data.specialty();
        long window = data.window(at("2027-01-15T02:00:00Z"), at("2027-01-15T03:00:00Z"), specialty, 1, false, "en");
        long one = data.entry(at("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long two = data.entry(at("2026-01-02T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        String insert = "insert into window_allocation (entry_id, window_id, allocated_by) values (?, ?, 'test')";
        jdbc.sql(insert).params(one, window).update();

        assertThatThrownBy(() -> jdbc.sql(insert).params(two, window).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("consultation_window_capacity");
        assertThat(data.seatsTaken(window)).isEqualTo(1);
    }

    @Test
    void anExpiredOrDeclinedHoldGoesToTheNextPersonInTheQueue() throws Exception {
        String specialty = data.specialty();
        long window = data.window(at("2027-02-20T02:00:00Z"), at("2027-02-20T03:00:00Z"), specialty, 1, false, "en");
        long first = data.entry(at("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long second = data.entry(at("2026-01-02T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long third = data.entry(at("2026-01-03T00:00:00Z"), "en", "Asia/Shanghai", specialty);

        run(RUN_AT, false);
        long held = data.allocationOf(first);
        Instant deadline = seatHolds.startHold(held, RUN_AT.plus(Duration.ofHours(1)));
        assertThat(deadline).isEqualTo(RUN_AT.plus(Duration.ofHours(1)).plus(Duration.ofDays(5)));
        assertThat(seatHolds.startHold(held, RUN_AT.plus(Duration.ofDays(2)))).as("a resend keeps the deadline").isEqualTo(deadline);

        JobExecution beforeDeadline = run(deadline.minusSeconds(60), false);
        assertThat(data.seatOf(first)).isEqualTo(window);
        assertThat(data.outcome(beforeDeadline.getId(), second)).isEqualTo("ALL_FULL");

        JobExecution afterDeadline = run(deadline.plusSeconds(60), false);
        assertThat(jdbc.sql("select status from window_allocation where id = ?").param(held).query(String.class).single())
                .isEqualTo("EXPIRED");
        assertThat(data.seatOf(second)).isEqualTo(window);
        assertThat(data.outcome(afterDeadline.getId(), first)).isEqualTo("ALREADY_OFFERED");
        assertThat(data.seatsTaken(window)).isEqualTo(1);

        seatHolds.decline(data.allocationOf(second));
        assertThat(data.seatsTaken(window)).as("declining frees the seat at once").isZero();

        JobExecution afterDecline = run(deadline.plusSeconds(120), false);
        assertThat(data.seatOf(third)).isEqualTo(window);
        assertThat(data.outcome(afterDecline.getId(), second)).isEqualTo("ALREADY_OFFERED");

        seatHolds.accept(data.allocationOf(third));
        assertThat(jdbc.sql("select status from window_allocation where entry_id = ? and window_id = ?").params(third, window)
                .query(String.class).single()).isEqualTo("CONFIRMED");
        run(deadline.plus(Duration.ofDays(30)), false);
        assertThat(data.seatOf(third)).as("a confirmed seat never lapses").isEqualTo(window);
    }

    @Test
    void aDryRunDecidesWhatTheRealRunDoesAndChangesNothing() throws Exception {
        String specialty = data.specialty();
        long window = data.window(at("2027-01-15T02:00:00Z"), at("2027-01-15T03:00:00Z"), specialty, 2, false, "en");
        long one = data.entry(at("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long two = data.entry(at("2026-01-02T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long three = data.entry(at("2026-01-03T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long allocationsBefore = jdbc.sql("select count(*) from window_allocation").query(Long.class).single();
        String seatsBefore = jdbc.sql("select string_agg(id || ':' || seats_taken, ',' order by id) from consultation_window")
                .query(String.class).single();

        JobExecution dryRun = run(RUN_AT, true);

        assertThat(dryRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("select count(*) from window_allocation").query(Long.class).single()).isEqualTo(allocationsBefore);
        assertThat(jdbc.sql("select string_agg(id || ':' || seats_taken, ',' order by id) from consultation_window")
                .query(String.class).single()).isEqualTo(seatsBefore);
        assertThat(data.outcome(dryRun.getId(), one)).isEqualTo(Long.toString(window));
        assertThat(data.outcome(dryRun.getId(), two)).isEqualTo(Long.toString(window));
        assertThat(data.outcome(dryRun.getId(), three)).isEqualTo("ALL_FULL");
        assertThat(jdbc.sql("select dry_run from allocation_run where job_execution_id = ?").param(dryRun.getId())
                .query(Boolean.class).single()).isTrue();
        assertThat(step(dryRun, "allocateSeatsStep").getExitStatus().getExitDescription()).contains("dry run, nothing changed");

        run(RUN_AT, false);

        assertThat(data.seatOf(one)).isEqualTo(window);
        assertThat(data.seatOf(two)).isEqualTo(window);
        assertThat(data.seatOf(three)).isNull();
    }

    /**
     * A trigger made by this test fails the chunk holding one marked entry, once. The chunks before it
     * stay committed; the restart resumes after them, and everybody ends with exactly one seat.
     */
    @Test
    void aRestartAfterAFailureResumesAfterTheLastCommittedChunk() throws Exception {
        String specialty = data.specialty();
        long window = data.window(at("2027-01-15T02:00:00Z"), at("2027-01-15T03:00:00Z"), specialty, 10, false, "en");
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entries.add(data.entry(Instant.parse("1999-01-01T00:00:00Z").plusSeconds(i), "en", "Asia/Shanghai", specialty));
        }
        jdbc.sql("""
                create function fail_on_marked_entry() returns trigger language plpgsql as $$
                begin
                    if new.entry_id = %d then
                        raise exception 'injected failure in the middle of the job';
                    end if;
                    return new;
                end $$""".formatted(entries.get(4))).update();
        jdbc.sql("create trigger fail_once before insert on allocation_outcome for each row execute function fail_on_marked_entry()")
                .update();

        JobExecution failed = jobOperator.start(job, parameters(RUN_AT, false).addString("chunkSize", "2").toJobParameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(entries.subList(0, 4)).allSatisfy(entry -> assertThat(data.seatOf(entry)).isEqualTo(window));
        assertThat(entries.subList(4, 6)).allSatisfy(entry -> assertThat(data.seatOf(entry)).isNull());

        dropFailureTrigger();
        JobExecution restarted = jobOperator.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(entries).allSatisfy(entry -> assertThat(data.seatOf(entry)).isEqualTo(window));
        assertThat(data.seatsTaken(window)).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from allocation_outcome where job_execution_id in (?, ?) and entry_id in (:ids)"
                .replace(":ids", entries.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElseThrow()))
                .params(failed.getId(), restarted.getId()).query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void seatsOfPeopleNoLongerWaitingAreReleased() throws Exception {
        String specialty = data.specialty();
        long window = data.window(at("2027-01-15T02:00:00Z"), at("2027-01-15T03:00:00Z"), specialty, 1, false, "en");
        long leaving = data.entry(at("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long next = data.entry(at("2026-01-02T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        run(RUN_AT, false);
        jdbc.sql("update waitlist_entry set status = 'ERASED' where id = ?").param(leaving).update();

        run(RUN_AT.plusSeconds(60), false);

        assertThat(data.seatOf(leaving)).isNull();
        assertThat(data.seatOf(next)).isEqualTo(window);
        assertThat(jdbc.sql("select release_reason from window_allocation where entry_id = ?").param(leaving)
                .query(String.class).single()).contains("no longer on the waitlist");
    }

    /**
     * Spring Batch creates executions in SERIALIZABLE transactions, so two launches in the same instant
     * may refuse each other; the jobs module never launches a job twice at once, this test does on
     * purpose. A refused launch may leave its job instance behind without an execution (a second start
     * with the same parameters then fails on that), so it is tried again as a new run with fresh
     * parameters: the two runs still overlap in their allocation.
     */
    private JobExecution startDespiteLaunchRace(Supplier<JobParametersBuilder> parameters) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return jobOperator.start(job, parameters.get().toJobParameters());
            }
            catch (CannotAcquireLockException ex) {
                if (attempt == 5) {
                    throw ex;
                }
            }
        }
    }

    private JobExecution run(Instant runAt, boolean dryRun) throws Exception {
        return jobOperator.start(job, parameters(runAt, dryRun).toJobParameters());
    }

    private static JobParametersBuilder parameters(Instant runAt, boolean dryRun) {
        return new JobParametersBuilder().addString("runAt", runAt.toString()).addString("dryRun", Boolean.toString(dryRun))
                .addLong("test.run", System.nanoTime());
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

}
