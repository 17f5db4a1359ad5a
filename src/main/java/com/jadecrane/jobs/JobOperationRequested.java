package com.jadecrane.jobs;

/** Ops asked to stop, restart or abandon an execution. */
public record JobOperationRequested(String operation, String jobName, long executionId, String requestedBy) {
}
