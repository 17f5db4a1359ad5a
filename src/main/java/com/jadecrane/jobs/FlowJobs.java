package com.jadecrane.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Jobs defined as one flow each, so that the same flow is also a part of a longer job (the nightly
 * run) and the two can never differ. Each of these flows routes a dry run around what changes
 * things, so the job declares {@link JobParameterSpec#dryRun()}.
 */
public final class FlowJobs {

    private FlowJobs() {
    }

    public static Job of(String jobName, JobRepository jobRepository, Flow flow) {
        return new JobBuilder(jobName, jobRepository).start(flow).end().build();
    }
}
