package com.jadecrane.waitlist;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code waitlistDedupeJob}: one entry per person (identity key), queued at the first sign-up; later
 * sign-ups become DUPLICATE of it with a merge recorded; then look-alikes are flagged for review.
 * Set-based SQL in chunks of {@code chunkSize} sign-ups (job parameter, default 50,000), restartable
 * from the last committed chunk, idempotent because only NEW sign-ups and unchecked entries are read.
 * No incrementer: a launcher passes an identifying parameter of its own (e.g. {@code launchedAt}), because
 * Spring Batch 6 replaces all given parameters with the incrementer's when a job has one.
 */
@Configuration(proxyBeanMethods = false)
class WaitlistDedupeJobConfiguration {

    static final String JOB_NAME = "waitlistDedupeJob";

    @Bean
    Job waitlistDedupeJob(JobRepository jobRepository, Step fileNewSignupsStep, Step flagLookAlikesStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(fileNewSignupsStep)
                .next(flagLookAlikesStep)
                .build();
    }

    @Bean
    Step fileNewSignupsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            NewSignupFiling newSignupFiling) {
        return new StepBuilder("fileNewSignupsStep", jobRepository)
                .tasklet(newSignupFiling, transactionManager)
                .listener(newSignupFiling)
                .build();
    }

    @Bean
    Step flagLookAlikesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LookAlikeFlagging lookAlikeFlagging) {
        return new StepBuilder("flagLookAlikesStep", jobRepository)
                .tasklet(lookAlikeFlagging, transactionManager)
                .listener(lookAlikeFlagging)
                .build();
    }

    @Bean(name = NewSignupFiling.NAME)
    @StepScope
    NewSignupFiling newSignupFiling(JdbcClient jdbc, ApplicationEventPublisher events,
            @Value("#{jobParameters['chunkSize'] ?: 50000}") Long chunkSize) {
        return new NewSignupFiling(jdbc, events, chunkSize.intValue());
    }

    @Bean
    LookAlikeFlagging lookAlikeFlagging(JdbcClient jdbc) {
        return new LookAlikeFlagging(jdbc);
    }
}
