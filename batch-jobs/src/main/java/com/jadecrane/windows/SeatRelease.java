package com.jadecrane.windows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first step of a run: seats whose hold passed its deadline unanswered become EXPIRED, and seats
 * of people no longer on the waitlist (merged into another entry, erased) are RELEASED, so the
 * allocation step offers them to the next people in the queue. A dry run changes nothing here (its
 * allocation counts lapsed holds as free instead). Also drops the outcome rows of runs older than
 * {@code jadecrane.windows.outcome-retention}.
 */
class SeatRelease implements Tasklet {

    private final JdbcClient jdbc;
    private final AllocationSettings settings;
    private final WindowsProperties properties;

    SeatRelease(JdbcClient jdbc, AllocationSettings settings, WindowsProperties properties) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OffsetDateTime runAt = settings.runAt().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                delete from allocation_outcome where job_execution_id in (
                    select job_execution_id from allocation_run where started_at < now() - cast(? as interval))""")
                .param(properties.outcomeRetention().toSeconds() + " seconds").update();
        jdbc.sql("""
                insert into allocation_run (job_execution_id, dry_run, run_at, minimum_notice_seconds)
                values (?, ?, ?, ?) on conflict (job_execution_id) do nothing""")
                .params(settings.jobExecutionId(), settings.dryRun(), runAt, settings.minimumNotice().toSeconds()).update();
        if (settings.dryRun()) {
            contribution.getStepExecution().setExitStatus(contribution.getExitStatus()
                    .addExitDescription("dry run: no seat released (lapsed holds count as free in the allocation)"));
            return RepeatStatus.FINISHED;
        }
        int expired = jdbc.sql("""
                update window_allocation set status = 'EXPIRED', released_at = now(), released_by = :actor,
                    version = version + 1
                where status = 'HELD' and hold_expires_at <= :runAt""")
                .param("actor", settings.actor()).param("runAt", runAt).update();
        int gone = jdbc.sql("""
                update window_allocation a set status = 'RELEASED', released_at = now(), released_by = :actor,
                    release_reason = 'the person is no longer on the waitlist (' || lower(e.status) || ')',
                    version = a.version + 1
                from waitlist_entry e
                where e.id = a.entry_id and a.status in ('HELD', 'CONFIRMED') and e.status <> 'ACTIVE'""")
                .param("actor", settings.actor()).update();
        jdbc.sql("update allocation_run set holds_released = holds_released + ? where job_execution_id = ?")
                .params(expired + gone, settings.jobExecutionId()).update();
        contribution.incrementWriteCount(expired + gone);
        contribution.getStepExecution().setExitStatus(contribution.getExitStatus()
                .addExitDescription("holds expired: " + expired + ", seats of people no longer waiting released: " + gone));
        return RepeatStatus.FINISHED;
    }
}
