package com.jadecrane.waitlist;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import com.jadecrane.system.ConflictException;
import com.jadecrane.waitlist.WaitlistViews.DedupeRun;
import com.jadecrane.waitlist.WaitlistViews.StepCounts;

/**
 * Runs {@code waitlistDedupeJob} now, in the caller's thread, for the "Run de-duplication now" button
 * (the general jobs console comes later). Spring Batch refuses a second concurrent run.
 */
@Service
class DedupeRuns {

    private final JobOperator jobOperator;
    private final Job dedupeJob;

    DedupeRuns(JobOperator jobOperator, @Qualifier("waitlistDedupeJob") Job dedupeJob) {
        this.jobOperator = jobOperator;
        this.dedupeJob = dedupeJob;
    }

    DedupeRun runNow() {
        JobExecution execution;
        try {
            execution = jobOperator.start(dedupeJob, new JobParametersBuilder()
                    .addLong("launchedAt", System.currentTimeMillis()).toJobParameters());
        }
        catch (JobExecutionAlreadyRunningException ex) {
            throw new ConflictException("A de-duplication run is already in progress");
        }
        catch (JobInstanceAlreadyCompleteException | JobRestartException | InvalidJobParametersException ex) {
            throw new IllegalStateException("Could not launch " + dedupeJob.getName(), ex);
        }
        return new DedupeRun(execution.getId(), execution.getStatus().name(),
                execution.getExitStatus().getExitDescription(),
                execution.getStepExecutions().stream()
                        .map(step -> new StepCounts(step.getStepName(), step.getStatus().name(), step.getReadCount(),
                                step.getWriteCount(), step.getExitStatus().getExitDescription()))
                        .toList());
    }
}
