package com.jadecrane.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A job execution as the ops console shows it (the shape of ../shared/API.md plus counts,
 * durations and progress).
 */
record ExecutionView(long executionId, long jobInstanceId, String jobName, String status, String exitCode,
        String exitDescription, OffsetDateTime createTime, OffsetDateTime startTime, OffsetDateTime endTime,
        Long durationMillis, Map<String, String> parameters, String launchedBy, OffsetDateTime recoveredAt,
        Progress progress, List<StepView> steps) {

    boolean isRunning() {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }

    /** Spring Batch already says STOPPED or FAILED, but the thread has not left the job yet. */
    ExecutionView stillStopping() {
        return new ExecutionView(executionId, jobInstanceId, jobName, "STOPPING", exitCode, exitDescription, createTime,
                startTime, null, durationMillis, parameters, launchedBy, recoveredAt, progress, steps);
    }

    record StepView(long stepExecutionId, String name, String status, long readCount, long writeCount,
            long skipCount, long filterCount, long commitCount, long rollbackCount, String exitCode,
            String exitMessage, OffsetDateTime startTime, OffsetDateTime endTime, Long durationMillis, Long total) {

        StepView withExitMessage(String message) {
            return new StepView(stepExecutionId, name, status, readCount, writeCount, skipCount, filterCount, commitCount,
                    rollbackCount, exitCode, message, startTime, endTime, durationMillis, total);
        }
    }

    /** Items done out of items to do, over the steps that said how many they expect. */
    record Progress(long done, Long total, Integer percent) {
    }
}
