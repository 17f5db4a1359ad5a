package com.jadecrane.jobs;

import java.time.Clock;
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
        DeclaredParameters declared = launches.declared(jobName);
        boolean paused = schedules.isPaused(jobName);
        String cron = schedules.cron(jobName).orElse(null);
        ZonedDateTime nextRun = schedulerEnabled && !paused ? schedules.nextRun(jobName).orElse(null) : null;
        return new JobSummary(jobName, cron == null ? null : new Schedule(cron, schedules.zone(), paused, schedulerEnabled),
                nextRun, executions.latest(jobName).orElse(null), declared.dryRunCapable(),
                declared.parameters().stream().map(ParameterView::of).toList());
    }

    /**
     * {@code dryRunSupported}: the job honours {@code dryRun}; the others only run for real.
     * {@code parameters}: all it takes, as its configuration declares them.
     */
    record JobSummary(String name, Schedule schedule, ZonedDateTime nextRun, ExecutionView lastExecution,
            boolean dryRunSupported, List<ParameterView> parameters) {
    }

    /** A declared parameter; {@code allowed} as of now (dates and instants are bounded relative to today). */
    record ParameterView(String name, String type, String defaultValue, String allowed, boolean adminOnly,
            String description) {

        static ParameterView of(JobParameterSpec spec) {
            return new ParameterView(spec.name(), spec.type().name(), spec.defaultValue(), spec.range(Clock.systemUTC()),
                    spec.adminOnly(), spec.description());
        }
    }

    /** {@code enabled} is false on instances started with JADECRANE_SCHEDULER_ENABLED=false. */
    record Schedule(String cron, String zone, boolean paused, boolean enabled) {
    }
}
