package com.jadecrane.waitlist;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flags look-alikes for a person to decide, never merging them: within each group of active entries
 * with the same name key and country, every entry whose identity key differs from the group's
 * earliest entry is paired with that earliest one (linear in the group, where all pairs would grow
 * with its square). One statement over the name index, in one transaction: a restart simply runs it
 * again, and the unique pair key keeps earlier pairs and their decisions (a DISTINCT stays DISTINCT).
 */
class LookAlikeFlagging implements Tasklet, StepExecutionListener {

    static final String REASON = "same normalized name and country";

    private static final String FLAG = """
            with groups as (
                select name_key, country, min(id) as first_id
                from waitlist_entry
                where status = 'ACTIVE' and name_key is not null
                group by name_key, country
                having count(*) > 1),
            pairs as (
                select g.first_id as entry_a, e.id as entry_b
                from groups g
                join waitlist_entry e on e.name_key = g.name_key and e.country = g.country and e.status = 'ACTIVE'
                     and e.id > g.first_id
                join waitlist_entry first on first.id = g.first_id
                where e.identity_key <> first.identity_key),
            flagged as (
                insert into waitlist_possible_duplicate (entry_a, entry_b, reason)
                select entry_a, entry_b, :reason from pairs
                on conflict (entry_a, entry_b) do nothing
                returning 1)
            select (select count(*) from pairs) as look_alikes, (select count(*) from flagged) as flagged""";

    private record Flagged(long lookAlikes, long flagged) {
    }

    private final JdbcClient jdbc;

    LookAlikeFlagging(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Flagged result = jdbc.sql(FLAG).param("reason", REASON).query(Flagged.class).single();
        for (long i = 0; i < result.lookAlikes(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(result.flagged());
        return RepeatStatus.FINISHED;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        return step.getExitStatus().addExitDescription("look-alike pairs: " + step.getReadCount()
                + ", possible duplicates newly flagged: " + step.getWriteCount());
    }
}
