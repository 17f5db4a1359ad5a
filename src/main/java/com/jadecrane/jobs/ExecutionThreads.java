package com.jadecrane.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the thread of an execution is still inside the job, whatever status Spring Batch
 * reports: after a stop request the status may read STOPPED while the thread finishes its chunk.
 * Its owner must be alive too: a dead process has no thread left.
 */
@Component
class ExecutionThreads {

    private final JdbcClient jdbc;
    private final InstanceIdentity instance;

    ExecutionThreads(JdbcClient jdbc, InstanceIdentity instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    boolean stillRunning(long executionId) {
        return jdbc.sql("""
                select a.lock_key from job_execution_launch l join app_instance a on a.id = l.instance_id
                where l.job_execution_id = ? and l.finished_at is null
                """).param(executionId).query(Integer.class).optional()
                .map(instance::isAlive).orElse(false);
    }
}
