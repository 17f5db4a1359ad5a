package com.jadecrane.waitlist;

import java.time.Duration;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Service;

import com.jadecrane.jobs.JobRuns;
import com.jadecrane.waitlist.WaitlistViews.DedupeRun;
import com.jadecrane.waitlist.WaitlistViews.StepCounts;

/**
 * Runs {@code waitlistDedupeJob} now and waits for its end, for the "Run de-duplication now"
 * button; a run already in progress is refused (409), as the jobs console does.
 */
@Service
class DedupeRuns {

    private final JobRuns jobRuns;

    DedupeRuns(JobRuns jobRuns) {
        this.jobRuns = jobRuns;
    }

    DedupeRun runNow() throws InterruptedException {
        JobExecution execution = jobRuns.runToEnd(WaitlistDedupeJobConfiguration.JOB_NAME, Map.of(), Duration.ofMinutes(30));
        return new DedupeRun(execution.getId(), execution.getStatus().name(),
                execution.getExitStatus().getExitDescription(),
                execution.getStepExecutions().stream()
                        .map(step -> new StepCounts(step.getStepName(), step.getStatus().name(), step.getReadCount(),
                                step.getWriteCount(), step.getExitStatus().getExitDescription()))
                        .toList());
    }
}
