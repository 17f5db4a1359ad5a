package com.jadecrane.jobs;

import org.springframework.batch.core.step.StepExecution;

/**
 * How a step tells the ops console how much work it has: put the number of items it expects to
 * read into its execution context before the first chunk; the console shows read count / total.
 */
public final class StepProgress {

    static final String TOTAL_KEY = "jadecrane.progress.total";

    private StepProgress() {
    }

    public static void expectTotal(StepExecution stepExecution, long total) {
        stepExecution.getExecutionContext().putLong(TOTAL_KEY, total);
    }
}
