package com.jadecrane.jobs;

import java.time.Duration;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Service;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.ConflictException;

/**
 * Runs a job and waits for its end, for callers that answer with the outcome (a "run now"
 * button, the command line). Launches go through the same path as the jobs API: never twice at
 * the same time, recorded with who asked.
 */
@Service
public class JobRuns {

    private static final Duration POLL = Duration.ofMillis(200);

    private final JobLaunches launches;

    JobRuns(JobLaunches launches) {
        this.launches = launches;
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
}
