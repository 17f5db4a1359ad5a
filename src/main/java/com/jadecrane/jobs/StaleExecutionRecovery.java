package com.jadecrane.jobs;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, executions left STARTING, STARTED or STOPPING by a process that has died (its
 * instance no longer holds its liveness lock) are recovered: marked FAILED through
 * {@code JobOperator.recover}, so ops can restart them. Executions of live instances are left alone.
 */
@Component
class StaleExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutionRecovery.class);

    private final JdbcClient jdbc;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final InstanceIdentity instance;

    StaleExecutionRecovery(JdbcClient jdbc, JobRepository jobRepository, JobOperator jobOperator, InstanceIdentity instance) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.instance = instance;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverOnStartUp() {
        recoverAbandonedExecutions();
    }

    /** @return the ids of the executions recovered */
    List<Long> recoverAbandonedExecutions() {
        List<Orphan> candidates = jdbc.sql("""
                select e.job_execution_id, a.lock_key
                from batch_job_execution e
                left join job_execution_launch l on l.job_execution_id = e.job_execution_id
                left join app_instance a on a.id = l.instance_id
                where e.status in ('STARTING', 'STARTED', 'STOPPING')
                """).query((rs, n) -> new Orphan(rs.getLong(1), (Integer) rs.getObject(2))).list();
        List<Long> recovered = new java.util.ArrayList<>();
        for (Orphan candidate : candidates) {
            // no launch record: the process died before the job's first listener ran
            boolean ownerAlive = candidate.lockKey() != null && instance.isAlive(candidate.lockKey());
            if (ownerAlive) {
                continue;
            }
            JobExecution execution = jobRepository.getJobExecution(candidate.executionId());
            if (execution == null || !execution.isRunning()) {
                continue;
            }
            jobOperator.recover(execution);
            jdbc.sql("""
                    insert into job_execution_launch (job_execution_id, instance_id, launched_by, recovered_at)
                    values (?, ?, 'unknown', now())
                    on conflict (job_execution_id) do update set recovered_at = now()
                    """).params(candidate.executionId(), instance.id()).update();
            recovered.add(candidate.executionId());
            log.warn("Recovered execution {} of {}: its process died while it ran; it can now be restarted",
                    candidate.executionId(), execution.getJobInstance().getJobName());
        }
        return recovered;
    }

    private record Orphan(long executionId, Integer lockKey) {
    }
}
