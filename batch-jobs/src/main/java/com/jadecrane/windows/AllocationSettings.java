package com.jadecrane.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.jadecrane.jobs.DryRun;
import com.jadecrane.system.InvalidInputException;

/**
 * One run's settings, from its job parameters (strings, as ops type them):
 * {@code dryRun} ("true"/"false", default false), {@code minimumNoticeHours} (default
 * {@code jadecrane.windows.minimum-notice}), {@code runAt} (ISO instant the run counts from;
 * default the launch time, so a restart decides as the first attempt did) and {@code chunkSize}.
 */
record AllocationSettings(long jobExecutionId, boolean dryRun, Instant runAt, Duration minimumNotice, int chunkSize) {

    static final int DEFAULT_CHUNK_SIZE = 20_000;

    /** Windows starting before this are too soon to offer. */
    Instant earliestStart() {
        return runAt.plus(minimumNotice);
    }

    /** What the allocation columns say this run did ({@code allocated_by}). */
    String actor() {
        return "job:" + jobExecutionId;
    }

    static AllocationSettings of(JobExecution execution, WindowsProperties properties) {
        JobParameters parameters = execution.getJobParameters();
        boolean dryRun = DryRun.requested(parameters);
        Duration notice = properties.minimumNotice();
        String hours = text(parameters, "minimumNoticeHours", null);
        if (hours != null && !hours.isBlank()) {
            try {
                notice = Duration.ofHours(Long.parseLong(hours.strip()));
            }
            catch (NumberFormatException ex) {
                throw new InvalidInputException("minimumNoticeHours", "must be a whole number of hours");
            }
        }
        String chunk = text(parameters, "chunkSize", null);
        int chunkSize = chunk == null || chunk.isBlank() ? DEFAULT_CHUNK_SIZE : Integer.parseInt(chunk.strip());
        return new AllocationSettings(execution.getId(), dryRun, runAt(parameters, execution), notice, chunkSize);
    }

    private static Instant runAt(JobParameters parameters, JobExecution execution) {
        for (String name : new String[] { "runAt", "launchedAt" }) {
            JobParameter<?> parameter = parameters.getParameter(name);
            if (parameter == null || parameter.value() == null) {
                continue;
            }
            Object value = parameter.value();
            if (value instanceof Long millis) {
                return Instant.ofEpochMilli(millis);
            }
            try {
                return Instant.parse(value.toString().strip());
            }
            catch (DateTimeParseException ex) {
                throw new InvalidInputException(name, "must be an instant such as 2026-12-01T00:00:00Z");
            }
        }
        return execution.getCreateTime().atZone(ZoneOffset.systemDefault()).toInstant();
    }

    private static String text(JobParameters parameters, String name, String fallback) {
        JobParameter<?> parameter = parameters.getParameter(name);
        return parameter == null || parameter.value() == null ? fallback : parameter.value().toString();
    }
}
