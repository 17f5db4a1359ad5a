package com.jadecrane.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cron schedules and pollers run unless {@code JADECRANE_SCHEDULER_ENABLED=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "jadecrane.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
