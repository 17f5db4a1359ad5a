package com.jadecrane.windows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.benchmark.BenchmarkRow;
import com.jadecrane.benchmark.TimedJob;

/**
 * The windows' row of the benchmark, on the waitlist the waitlist rows left behind (about 900,000
 * people from 1,000,000 sign-ups): 20,000 OPEN windows of 5 seats (100,000 seats; specialties,
 * languages, interpreters and UTC hours spread with a fixed pattern), then the reference, a plain
 * ordered JDBC read of the eligible entries with the job's own query, then {@code windowAllocationJob}.
 */
public final class WindowBenchmark {

    private static final int WINDOWS = 20_000;
    private static final int SEATS = 5;

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;

    public WindowBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
    }

    public void run(List<BenchmarkRow> jobs) throws Exception {
        Instant runAt = Instant.now();
        generateWindows(runAt);
        jdbc.sql("vacuum analyze consultation_window").update();
        jdbc.sql("vacuum analyze waitlist_entry").update();

        long referenceStart = System.nanoTime();
        long eligible = orderedRead(runAt);
        Duration referenceTime = Duration.ofNanos(System.nanoTime() - referenceStart);
        log("reference read " + eligible + " eligible entries in " + referenceTime.toMillis() + " ms");

        TimedJob job = TimedJob.run(app, "windowAllocationJob", new JobParametersBuilder().addString("runAt", runAt.toString())
                .addString("dryRun", "false").addLong("launchedAt", System.currentTimeMillis()).toJobParameters());
        long seats = jdbc.sql("select count(*) from window_allocation where status = 'HELD'").query(Long.class).single();
        long overbooked = jdbc.sql("select count(*) from consultation_window where seats_taken > capacity").query(Long.class).single();
        log("allocated " + seats + " of " + (WINDOWS * SEATS) + " seats, overbooked windows: " + overbooked);
        jobs.add(new BenchmarkRow("windowAllocationJob (" + seats + " of " + WINDOWS * SEATS + " seats, " + WINDOWS
                + " windows)", eligible, job.wallTime(), job.peakHeapBytes(), "ordered read of the eligible entries (the job's query, plain JDBC)",
                referenceTime));
    }

    /** Windows from 4 to 200 days ahead at every UTC hour, 1 to 3 hours long, in a fixed pattern. */
    private void generateWindows(Instant runAt) {
        jdbc.sql("""
                insert into consultation_window (starts_at, ends_at, specialty, languages, interpreter_available, capacity, status)
                select start, start + ((1 + n % 3) * interval '1 hour'),
                       (array['oncology', 'oncology', 'breast-cancer', 'lung-cancer', 'colorectal-cancer', 'liver-cancer',
                              'gastric-cancer', 'nasopharyngeal-cancer', 'hematology', 'radiation-oncology', 'cardiology',
                              'orthopedics', 'neurology'])[1 + n % 13],
                       string_to_array((array['en', 'en,zh', 'en,es', 'ru,en', 'ar,en', 'fr,de', 'pt,es', 'ja,ko'])[1 + (n / 13) % 8], ','),
                       n % 4 = 0, :seats, 'OPEN'
                from (select n, date_trunc('hour', cast(:runAt as timestamptz)) + interval '4 days'
                             + (n % 196) * interval '1 day' + ((n * 7) % 24) * interval '1 hour' as start
                      from generate_series(1, :windows) n) w""")
                .param("seats", SEATS).param("windows", WINDOWS)
                .param("runAt", OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC)).update();
    }

    /** Every eligible entry in queue order through the job's own query, each column read, nothing kept. */
    private long orderedRead(Instant runAt) throws Exception {
        long rows = 0;
        try (Connection connection = app.getBean(DataSource.class).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(AllocationQueueReader.QUEUE)) {
                statement.setFetchSize(5_000);
                statement.setObject(1, OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC));
                statement.setObject(2, OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                statement.setLong(3, 0);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getObject(2, OffsetDateTime.class);
                        rs.getArray(3).getArray();
                        rs.getString(4);
                        rs.getString(5);
                        rs.getArray(6);
                        rows++;
                    }
                }
            }
            connection.rollback();
        }
        return rows;
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
