package com.jadecrane.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Service;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.ConflictException;

/**
 * Runs a job for other modules: in the background ({@link #start}), or waiting for its end, for
 * callers that answer with the outcome (a "run now" button, the command line). Launches go through
 * the same path as the jobs API: never twice at the same time, recorded with who asked.
 */
@Service
public class JobRuns {

    private static final Duration POLL = Duration.ofMillis(200);

    private final JobLaunches launches;
    private final ExecutionQueries executions;

    JobRuns(JobLaunches launches, ExecutionQueries executions) {
        this.launches = launches;
        this.executions = executions;
    }

    /**
     * Starts a run in the background (at once with {@code jadecrane.jobs.async=false}) and returns
     * its execution id.
     *
     * @throws ConflictException when the job is already running
     */
    public long start(String jobName, Map<String, String> parameters, String launchedBy) {
        return launches.start(jobName, parameters, launchedBy).getId();
    }

    /** The latest execution of a job, if it ever ran (e.g. for a dashboard's health line). */
    public Optional<LatestRun> latest(String jobName) {
        return executions.latest(jobName).map(view -> new LatestRun(view.executionId(), view.status(), view.exitCode(),
                view.startTime(), view.endTime(), view.exitDescription()));
    }

    /**
     * @throws ConflictException when the job is already running
     * @throws IllegalStateException when it has not ended within {@code timeout} (it keeps running)
     */
    public JobExecution runToEnd(String jobName, Map<String, String> parameters, Duration timeout)
            throws InterruptedException {
        return awaitEnd(launches.start(jobName, parameters, CurrentUser.username()), timeout);
    }

    JobExecution awaitEnd(JobExecution started, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobExecution execution = started;
        while (execution.isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(execution.getJobInstance().getJobName() + " (execution "
                        + execution.getId() + ") is still running after " + timeout.toMinutes() + " minutes");
            }
            Thread.sleep(POLL.toMillis());
            execution = launches.execution(execution.getId());
        }
        return execution;
    }

    public record LatestRun(long executionId, String status, String exitCode, OffsetDateTime startTime,
            OffsetDateTime endTime, String exitMessage) {
    }
}
