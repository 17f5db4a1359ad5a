package com.jadecrane.jobs;

import java.util.Map;

/** Somebody (or a schedule, or the command line) launched a job. */
public record JobLaunched(String jobName, long executionId, Map<String, String> parameters, String launchedBy) {
}
