package com.jadecrane.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, on the shared test PostgreSQL, called over real HTTP
 * with {@link ApiClient}. All such tests share one Spring context, so keep their properties here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jadecrane.admin-password=" + TestUsers.ADMIN_PASSWORD,
        "jadecrane.data-dir=target/test-data",
        "jadecrane.scheduler.enabled=false",
        "jadecrane.jobs.async=false",
        "jadecrane.jobs.alert-email=" + TestUsers.OPS_ALERT_EMAIL,
        "jadecrane.jobs.alert-jobs=nightlyInvitationJob,alwaysFailingJob",
        // every test posts from 127.0.0.1: the rate limit has its own context (PublicSignupRateLimitTests)
        "jadecrane.waitlist.rate-limit-per-minute=100000" })
public @interface IntegrationTest {
}
