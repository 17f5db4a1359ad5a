package com.jadecrane.jobs;

import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** What the ops console lists: every job with its schedule, next run and last result. */
@Service
class JobCatalogue {

    private final JobLaunches launches;
    private final JobSchedules schedules;
    private final ExecutionQueries executions;
    private final boolean schedulerEnabled;

    JobCatalogue(JobLaunches launches, JobSchedules schedules, ExecutionQueries executions,
            @Value("${jadecrane.scheduler.enabled:true}") boolean schedulerEnabled) {
        this.launches = launches;
        this.schedules = schedules;
        this.executions = executions;
        this.schedulerEnabled = schedulerEnabled;
    }

    List<JobSummary> jobs() {
        return launches.jobNames().stream().map(this::summary).toList();
    }

    JobSummary summary(String jobName) {
        boolean paused = schedules.isPaused(jobName);
        String cron = schedules.cron(jobName).orElse(null);
        ZonedDateTime nextRun = schedulerEnabled && !paused ? schedules.nextRun(jobName).orElse(null) : null;
        return new JobSummary(jobName, cron == null ? null : new Schedule(cron, schedules.zone(), paused, schedulerEnabled),
                nextRun, executions.latest(jobName).orElse(null), launches.supportsDryRun(jobName));
    }

    /** {@code dryRunSupported}: the job honours {@code dryRun}; the others only run for real. */
    record JobSummary(String name, Schedule schedule, ZonedDateTime nextRun, ExecutionView lastExecution,
            boolean dryRunSupported) {
    }

    /** {@code enabled} is false on instances started with JADECRANE_SCHEDULER_ENABLED=false. */
    record Schedule(String cron, String zone, boolean paused, boolean enabled) {
    }
}
