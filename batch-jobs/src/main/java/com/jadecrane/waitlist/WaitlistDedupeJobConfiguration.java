package com.jadecrane.waitlist;

import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.jadecrane.jobs.DeclaredParameters;
import com.jadecrane.jobs.DryRun;
import com.jadecrane.jobs.FlowJobs;
import com.jadecrane.jobs.JobParameterSpec;

/**
 * {@code waitlistDedupeJob}: one entry per person (identity key), queued at the first sign-up; later
 * sign-ups become DUPLICATE of it with a merge recorded; then look-alikes are flagged for review.
 * Set-based SQL in chunks of {@code chunkSize} sign-ups (job parameter, default 50,000), restartable
 * from the last committed chunk, idempotent because only NEW sign-ups and unchecked entries are read.
 * No incrementer: a launcher passes an identifying parameter of its own (e.g. {@code launchedAt}), because
 * Spring Batch 6 replaces all given parameters with the incrementer's when a job has one.
 * {@code dryRun=true} files nothing: {@code previewSignupFilingStep} only says how many sign-ups
 * are waiting. The steps form {@code waitlistDedupeFlow}, which the nightly run reuses.
 */
@Configuration(proxyBeanMethods = false)
class WaitlistDedupeJobConfiguration {

    static final String JOB_NAME = "waitlistDedupeJob";
    private static final int DEFAULT_CHUNK_SIZE = 50_000;

    @Bean
    Job waitlistDedupeJob(JobRepository jobRepository, Flow waitlistDedupeFlow) {
        return FlowJobs.of(JOB_NAME, jobRepository, waitlistDedupeFlow);
    }

    @Bean
    DeclaredParameters waitlistDedupeJobParameters() {
        return DeclaredParameters.of(JOB_NAME, JobParameterSpec.dryRun(),
                JobParameterSpec.integer("chunkSize", 1, 1_000_000, Integer.toString(DEFAULT_CHUNK_SIZE),
                        "sign-ups filed per transaction"));
    }

    @Bean
    Flow waitlistDedupeFlow(Step fileNewSignupsStep, Step flagLookAlikesStep, Step previewSignupFilingStep) {
        JobExecutionDecider dryRunOrFile = DryRun.decider();
        return new FlowBuilder<Flow>("waitlistDedupeFlow")
                .start(dryRunOrFile).on(DryRun.STATUS).to(previewSignupFilingStep)
                .from(dryRunOrFile).on("*").to(fileNewSignupsStep).next(flagLookAlikesStep)
                .build();
    }

    @Bean
    Step previewSignupFilingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        return new StepBuilder("previewSignupFilingStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    List<Long> waiting = jdbc.sql("select count(*), count(distinct identity_key) from waitlist_signup where state = 'NEW'")
                            .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
                    contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("dry run, nothing changed: "
                            + waiting.get(0) + " new sign-up(s) of " + waiting.get(1) + " identity key(s) would be filed"));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
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
    NewSignupFiling newSignupFiling(JdbcClient jdbc, ApplicationEventPublisher events, EntrySummaries summaries,
            @Value("#{jobParameters['chunkSize']}") Long chunkSize) {
        return new NewSignupFiling(jdbc, events, summaries, chunkSize == null ? DEFAULT_CHUNK_SIZE : chunkSize.intValue());
    }

    @Bean
    LookAlikeFlagging lookAlikeFlagging(JdbcClient jdbc) {
        return new LookAlikeFlagging(jdbc);
    }
}
