package com.jadecrane.jobs;

import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The {@code dryRun} parameter of the jobs that declare it ({@link JobParameterSpec#dryRun()}, the
 * console's dry-run switch): "true" means change and send nothing, only say what would happen. One
 * reading of it for every job, so that a job composed of others (the nightly run) passes it through
 * to all of them. The launcher refuses it for jobs that do not declare it: they would run for real.
 */
public final class DryRun {

    public static final String PARAMETER = "dryRun";

    /** What {@link #decider()} answers for a dry run; a flow routes it around the steps that change things. */
    public static final String STATUS = "DRY_RUN";

    private DryRun() {
    }

    public static boolean requested(JobParameters parameters) {
        return requested(parameters.getString(PARAMETER));
    }

    public static boolean requested(String parameterValue) {
        return Boolean.parseBoolean(parameterValue);
    }

    /** {@link #STATUS} for a dry run, COMPLETED otherwise. */
    public static JobExecutionDecider decider() {
        return (jobExecution, stepExecution) -> requested(jobExecution.getJobParameters())
                ? new FlowExecutionStatus(STATUS) : FlowExecutionStatus.COMPLETED;
    }
}
