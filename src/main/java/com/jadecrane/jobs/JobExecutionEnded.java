package com.jadecrane.jobs;

/** A job execution ended (COMPLETED, FAILED, STOPPED, ...): the dashboard and ops alerts listen. */
public record JobExecutionEnded(String jobName, long executionId, String status, String exitDescription) {
}
