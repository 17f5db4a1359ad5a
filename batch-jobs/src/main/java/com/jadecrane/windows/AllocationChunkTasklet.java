package com.jadecrane.windows;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One chunk of {@code allocateSeatsStep} per call, in the step's chunk transaction: up to
 * {@code chunkSize} entries from the {@link AllocationQueueReader}, decided and written by the
 * {@link SeatAllocationWriter}. A chunk-oriented step did the same with Spring Batch's machinery
 * around every single read (a metrics timer, listeners, a repeat template), which at a million
 * entries cost more than reading the entries. Both stay ItemStreams registered on the step, so their
 * positions are saved with each chunk and a restart resumes after the last committed one; the step's
 * read and write counts are the entries, as before.
 */
record AllocationChunkTasklet(AllocationQueueReader reader, SeatAllocationWriter writer, int chunkSize) implements Tasklet {

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        List<QueuedEntry> entries = new ArrayList<>(chunkSize);
        QueuedEntry entry;
        while (entries.size() < chunkSize && (entry = reader.read()) != null) {
            entries.add(entry);
            contribution.incrementReadCount();
        }
        if (entries.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        writer.write(new Chunk<>(entries));
        contribution.incrementWriteCount(entries.size());
        return entries.size() < chunkSize ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
