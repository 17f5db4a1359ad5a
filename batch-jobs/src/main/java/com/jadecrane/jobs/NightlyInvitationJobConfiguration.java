package com.jadecrane.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code nightlyInvitationJob}: the nightly batch ops run (02:00 Asia/Shanghai by default) as one
 * job made of the three jobs' own flows, in order: de-duplicate the waitlist, allocate seats, email
 * the invitations. Being one job, it is stopped, restarted (from the step that failed, each step
 * resuming where it stopped) and watched as one; its parameters, {@code dryRun} first, reach every
 * step. A dry run files, allocates and sends nothing: each part only says what it would do.
 */
@Configuration(proxyBeanMethods = false)
class NightlyInvitationJobConfiguration {

    static final String JOB_NAME = "nightlyInvitationJob";

    /** What its parts take, since its parameters reach every step. */
    @Bean
    DeclaredParameters nightlyInvitationJobParameters(DeclaredParameters waitlistDedupeJobParameters,
            DeclaredParameters windowAllocationJobParameters, DeclaredParameters invitationEmailJobParameters) {
        return DeclaredParameters.composed(JOB_NAME, waitlistDedupeJobParameters, windowAllocationJobParameters,
                invitationEmailJobParameters);
    }

    @Bean
    Job nightlyInvitationJob(JobRepository jobRepository, Flow waitlistDedupeFlow, Flow windowAllocationFlow,
            Flow invitationEmailFlow) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(waitlistDedupeFlow)
                .next(windowAllocationFlow)
                .next(invitationEmailFlow)
                .end()
                .build();
    }
}
