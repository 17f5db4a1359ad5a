package com.jadecrane.benchmark;

import java.time.Duration;

/**
 * One job measured next to its reference, both in the same run on the same data. Later issues add
 * rows for their jobs.
 */
public record BenchmarkRow(String job, long rows, Duration wallTime, long peakHeapBytes, String reference,
        Duration referenceTime) {

    double rowsPerSecond() {
        return rows / Math.max(0.001, wallTime.toMillis() / 1000.0);
    }

    double ratio() {
        return wallTime.toMillis() / (double) Math.max(1, referenceTime.toMillis());
    }
}
