package com.jadecrane.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import com.jadecrane.system.ConflictException;

/**
 * Fires each configured schedule. Several instances on one database all fire; ShedLock lets the
 * first one launch and the others skip (the lock is held at least a minute, longer than clocks
 * drift apart). A paused schedule fires and does nothing.
 */
@Component
@ConditionalOnProperty(name = "jadecrane.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledJobFiring implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobFiring.class);
    static final String SCHEDULER = "scheduler";

    private final JobSchedules schedules;
    private final JobLaunches launches;
    private final LockingTaskExecutor locks;

    ScheduledJobFiring(JobSchedules schedules, JobLaunches launches, JdbcTemplate jdbc) {
        this.schedules = schedules;
        this.launches = launches;
        LockProvider provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).usingDbTime().build());
        this.locks = new DefaultLockingTaskExecutor(provider);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        schedules.configured().forEach((jobName, cron) -> {
            if (!launches.jobNames().contains(jobName)) {
                log.warn("A schedule is configured for {}, but there is no such job; it is ignored", jobName);
                return;
            }
            registrar.addCronTask(new org.springframework.scheduling.config.CronTask(() -> fire(jobName),
                    new CronTrigger(cron, schedules.zoneId())));
            log.info("Scheduled {} at '{}' ({})", jobName, cron, schedules.zone());
        });
    }

    /** Each firing; also called by tests to play several instances firing at once. */
    void fire(String jobName) {
        locks.executeWithLock((Runnable) () -> {
            if (schedules.isPaused(jobName)) {
                log.info("Schedule of {} is paused; not launching", jobName);
                return;
            }
            try {
                launches.start(jobName, Map.of(), SCHEDULER);
            }
            catch (ConflictException alreadyRunning) {
                log.warn("Scheduled run of {} skipped: {}", jobName, alreadyRunning.getMessage());
            }
        }, new LockConfiguration(Instant.now(), "schedule-" + jobName, Duration.ofHours(1), Duration.ofMinutes(1)));
    }
}
