package com.jadecrane.benchmark;

import java.time.Duration;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

/** One run of a job, timed with its peak heap; each step's exit description is logged. */
public record TimedJob(JobExecution execution, Duration wallTime, long peakHeapBytes) {

    /** Runs the job to its end; anything but COMPLETED fails the benchmark. */
    public static TimedJob run(ConfigurableApplicationContext app, String jobName, JobParameters parameters) throws Exception {
        HeapPeak.reset();
        long start = System.nanoTime();
        JobExecution execution = app.getBean(JobOperator.class).start(app.getBean(jobName, Job.class), parameters);
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        long peak = HeapPeak.bytes();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException(jobName + " ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
        }
        execution.getStepExecutions().forEach(step -> System.out.println("[bench] " + step.getStepName() + ": "
                + step.getExitStatus().getExitDescription() + " ("
                + Duration.between(step.getStartTime(), step.getEndTime()).toMillis() + " ms)"));
        return new TimedJob(execution, wallTime, peak);
    }
}
