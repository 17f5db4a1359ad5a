package com.jadecrane.jobs;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SIGTERM (a deploy, a container stop) while this instance runs a job: the job is stopped as ops
 * would stop it from the console, and the shutdown waits, within its grace period
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}), for it to reach its next commit and end
 * STOPPED, restartable from there. Without this the process would end mid-chunk and leave the run
 * STARTED until the next start recovers it as FAILED. Stopped first (highest phase), while the
 * database and the job threads are still there.
 */
@Component
class RunningJobsShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunningJobsShutdown.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Left of the grace period for the rest of the shutdown (the web server, the database). */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private final JdbcClient jdbc;
    private final InstanceIdentity instance;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final Duration gracePeriod;
    private volatile boolean running;

    RunningJobsShutdown(JdbcClient jdbc, InstanceIdentity instance, JobRepository jobRepository, JobOperator jobOperator,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration gracePeriod) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.gracePeriod = gracePeriod;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<Long> executions;
        try {
            executions = runningHere();
        }
        catch (DataAccessException databaseGone) {
            // closed first (a test JVM's shutdown hooks run side by side): no job can run without it
            return;
        }
        if (executions.isEmpty()) {
            return;
        }
        for (long executionId : executions) {
            JobExecution execution = jobRepository.getJobExecution(executionId);
            try {
                if (execution != null && execution.isRunning()) {
                    log.info("Shutting down: stopping {} (execution {}) at its next commit",
                            execution.getJobInstance().getJobName(), executionId);
                    jobOperator.stop(execution);
                }
            }
            catch (JobExecutionNotRunningException ended) {
                // it ended between the query and the stop: nothing to wait for
            }
        }
        awaitEnd(executions);
    }

    private void awaitEnd(List<Long> executions) {
        long deadline = System.nanoTime() + gracePeriod.minus(MARGIN).toNanos();
        while (!runningHere().isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn("Shutting down with execution(s) {} still in their chunk: the next start recovers them as FAILED, "
                        + "to be restarted from their last commit", runningHere());
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("Shutting down: the running job(s) {} stopped", executions);
    }

    /** Executions whose thread is in this process (the launch recorder marks their end). */
    private List<Long> runningHere() {
        return jdbc.sql("select job_execution_id from job_execution_launch where instance_id = ? and finished_at is null")
                .param(instance.id()).query(Long.class).list();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
