package com.jadecrane.windows;

/** One run of windowAllocationJob ended its allocation step (a dry run changed nothing). */
public record AllocationRunCompleted(long jobExecutionId, boolean dryRun, long allocated, long unallocated, long holdsReleased) {
}
