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
 * A set-based step in chunks over an ordered key: each call handles the rows after the last
 * position in one transaction (one SQL round per chunk, no rows in memory) and keeps that position
 * in the step's ExecutionContext, which Spring Batch commits with the chunk. A restart after a
 * failure therefore resumes after the last committed chunk. The position is a row id, never the
 * key itself: job metadata outlives an erasure, so it must hold no personal data (an identity key
 * is an email). Counts go to the step's read/write counts and its exit description.
 */
abstract class ResumableChunkTasklet implements Tasklet, StepExecutionListener {

    /** What one chunk did: the id of a row at its last key, rows read, rows written, and the step's own extra count. */
    record ChunkResult(long lastId, long read, long written, long extra) {
    }

    /** The context key (after the step's name) of the restart position. */
    static final String LAST_ID = "lastId";

    private final String name;

    ResumableChunkTasklet(String name) {
        this.name = name;
    }

    /** Handles the rows after the key of row {@code afterId} (0: from the first); null when there is nothing left. */
    abstract ChunkResult processChunkAfter(long afterId, long jobExecutionId);

    /** How the exit description reads, from read, written and extra counts of the whole step. */
    abstract String describe(long read, long written, long extra);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        ChunkResult result = processChunkAfter(context.getLong(key(LAST_ID), 0), step.getJobExecutionId());
        if (result == null) {
            return RepeatStatus.FINISHED;
        }
        for (long i = 0; i < result.read(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(result.written());
        context.putLong(key(LAST_ID), result.lastId());
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
