package com.jadecrane.jobs;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.ResourceNotFoundException;

/** The configured cron of each job, and whether ops paused it (kept in the database). */
@Service
class JobSchedules {

    private final JobsProperties properties;
    private final JdbcClient jdbc;

    JobSchedules(JobsProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    Map<String, String> configured() {
        return properties.schedules();
    }

    Optional<String> cron(String jobName) {
        return Optional.ofNullable(properties.schedules().get(jobName));
    }

    Optional<ZonedDateTime> nextRun(String jobName) {
        return cron(jobName).map(cron -> CronExpression.parse(cron).next(ZonedDateTime.now(properties.scheduleZone())));
    }

    boolean isPaused(String jobName) {
        return jdbc.sql("select paused from job_schedule_state where job_name = ?").param(jobName)
                .query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    void setPaused(String jobName, boolean paused) {
        if (cron(jobName).isEmpty()) {
            throw new ResourceNotFoundException("Schedule of job", jobName);
        }
        jdbc.sql("""
                insert into job_schedule_state (job_name, paused, changed_by) values (?, ?, ?)
                on conflict (job_name) do update set paused = excluded.paused, changed_by = excluded.changed_by,
                    changed_at = now()
                """).params(jobName, paused, CurrentUser.username()).update();
    }

    String zone() {
        return properties.scheduleZone().getId();
    }

    java.time.ZoneId zoneId() {
        return properties.scheduleZone();
    }
}
