package com.jadecrane.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The {@code dryRun} parameter every job understands (the console's dry-run switch): "true" means
 * change and send nothing, only say what would happen. One reading of it for every job, so that a
 * job composed of others (the nightly run) passes it through to all of them.
 */
public final class DryRun {

    public static final String PARAMETER = "dryRun";

    /** What {@link #decider()} answers for a dry run; a flow routes it around the steps that change things. */
    public static final String STATUS = "DRY_RUN";

    /**
     * The parameters validator of every job that honours {@code dryRun} (it accepts any parameters).
     * The launcher refuses a dry run of any other job: that job would not know it and run for real.
     */
    public static final JobParametersValidator SUPPORTED = parameters -> {
    };

    private DryRun() {
    }

    static boolean supportedBy(Job job) {
        return job.getJobParametersValidator() == SUPPORTED;
    }

    public static boolean requested(JobParameters parameters) {
        return requested(parameters.getString(PARAMETER));
    }

    public static boolean requested(String parameterValue) {
        return Boolean.parseBoolean(parameterValue);
    }

    /** Only "true" or "false": anything else would quietly mean a real run. */
    static boolean isValid(String parameterValue) {
        return "true".equalsIgnoreCase(parameterValue) || "false".equalsIgnoreCase(parameterValue);
    }

    /** {@link #STATUS} for a dry run, COMPLETED otherwise. */
    public static JobExecutionDecider decider() {
        return (jobExecution, stepExecution) -> requested(jobExecution.getJobParameters())
                ? new FlowExecutionStatus(STATUS) : FlowExecutionStatus.COMPLETED;
    }
}
