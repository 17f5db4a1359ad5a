package com.jadecrane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Jade Crane back-office: admin API and UI, public API for the website, and the batch jobs.
 * Each top-level package below this one is a Spring Modulith module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackofficeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BackofficeApplication.class, args);
    }
}
