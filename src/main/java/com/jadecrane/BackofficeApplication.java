package com.jadecrane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Jade Crane back-office: admin API and UI, public API for the website, and the batch jobs.
 * Each top-level package below this one is a Spring Modulith module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackofficeApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(BackofficeApplication.class, args);
        // "--jadecrane.run-job=<name>" runs one job: the exit code tells cron or Kubernetes how it went
        if (context.getEnvironment().containsProperty("jadecrane.run-job")) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
