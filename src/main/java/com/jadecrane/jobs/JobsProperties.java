package com.jadecrane.jobs;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param async launch jobs in the background (the API answers 202 at once); {@code false} runs them
 *        in the caller's thread, as the command line does
 * @param schedules cron expression per job name (Spring's six-field format), e.g.
 *        {@code nightlyInvitationJob: "0 0 2 * * *"}
 * @param scheduleZone the time zone the cron expressions are read in
 */
@ConfigurationProperties("jadecrane.jobs")
record JobsProperties(@DefaultValue("true") boolean async, Map<String, String> schedules,
        @DefaultValue("Asia/Shanghai") ZoneId scheduleZone) {

    JobsProperties {
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
    }
}
