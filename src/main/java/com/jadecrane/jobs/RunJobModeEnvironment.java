package com.jadecrane.jobs;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command-line job run ({@code --jadecrane.run-job=...}) is a batch process, not a server: no
 * web server, no schedules, the job in the main thread. Registered in META-INF/spring.factories.
 */
class RunJobModeEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String jobName = environment.getProperty("jadecrane.run-job");
        if (jobName != null && !jobName.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("runJobMode", Map.of(
                    "spring.main.web-application-type", "none",
                    "jadecrane.scheduler.enabled", "false",
                    "jadecrane.jobs.async", "false")));
        }
    }
}
