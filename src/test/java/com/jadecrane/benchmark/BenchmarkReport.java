package com.jadecrane.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the rows as Markdown tables, ready to paste into the README. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void print(PrintStream out, String machine, List<BenchmarkRow> jobs, List<LatencyRow> latencies) {
        out.println();
        out.println("Machine: " + machine);
        out.println();
        out.println("| job | rows | wall time | rows/s | peak heap | reference | reference time | ratio |");
        out.println("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        for (BenchmarkRow row : jobs) {
            out.println(String.format(Locale.ROOT, "| %s | %,d | %.1f s | %,.0f | %d MiB | %s | %.1f s | %.2fx |", row.job(),
                    row.rows(), row.wallTime().toMillis() / 1000.0, row.rowsPerSecond(), row.peakHeapBytes() >> 20,
                    row.reference(), row.referenceTime().toMillis() / 1000.0, row.ratio()));
        }
        out.println();
        out.println("| call | clients | requests | p50 | p95 | max |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (LatencyRow row : latencies) {
            out.println(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f ms | %.1f ms | %.1f ms |", row.call(),
                    row.clients(), row.requests(), row.p50Millis(), row.p95Millis(), row.maxMillis()));
        }
        out.println();
    }
}
