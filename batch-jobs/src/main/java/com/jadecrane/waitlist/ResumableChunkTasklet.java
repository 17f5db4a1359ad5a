package com.jadecrane.waitlist;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A set-based step in chunks over an ordered key: each call handles the rows after the last key in
 * one transaction (one SQL round per chunk, no rows in memory) and keeps that key in the step's
 * ExecutionContext, which Spring Batch commits with the chunk. A restart after a failure therefore
 * resumes after the last committed chunk. Counts go to the step's read/write counts and its exit
 * description.
 */
abstract class ResumableChunkTasklet implements Tasklet, StepExecutionListener {

    /** What one chunk did: the last key it covered, rows read, rows written, and the step's own extra count. */
    record ChunkResult(String lastKey, long read, long written, long extra) {
    }

    private final String name;

    ResumableChunkTasklet(String name) {
        this.name = name;
    }

    /** Handles the rows after {@code afterKey}; null when there is nothing left. */
    abstract ChunkResult processChunkAfter(String afterKey, long jobExecutionId);

    /** How the exit description reads, from read, written and extra counts of the whole step. */
    abstract String describe(long read, long written, long extra);

    abstract String firstKey();

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        String afterKey = context.containsKey(key("lastKey")) ? context.getString(key("lastKey")) : firstKey();
        ChunkResult result = processChunkAfter(afterKey, step.getJobExecutionId());
        if (result == null) {
            return RepeatStatus.FINISHED;
        }
        for (long i = 0; i < result.read(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(result.written());
        context.putString(key("lastKey"), result.lastKey());
        context.putLong(key("extra"), context.getLong(key("extra"), 0) + result.extra());
        return RepeatStatus.CONTINUABLE;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        long extra = step.getExecutionContext().getLong(key("extra"), 0);
        return step.getExitStatus().addExitDescription(describe(step.getReadCount(), step.getWriteCount(), extra));
    }

    private String key(String suffix) {
        return name + "." + suffix;
    }
}
