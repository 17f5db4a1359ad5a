package com.jadecrane.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.jadecrane.BackofficeApplication;
import com.jadecrane.invitations.InvitationBenchmark;
import com.jadecrane.invitations.BenchmarkSendGridStandIn;
import com.jadecrane.reports.ReportBenchmark;
import com.jadecrane.waitlist.WaitlistBenchmark;
import com.jadecrane.windows.WindowBenchmark;

/**
 * The project's benchmark command (see README, "Benchmark"): a fresh embedded PostgreSQL under
 * target/, the whole application on a random port against it, then each module's measurements, each
 * next to a reference measured in the same run on the same data. Run in a forked JVM with -Xmx512m by
 * the {@code bench} Maven profile; lives in src/test so it never ships in the jar.
 */
public final class Benchmark {

    public static final String ADMIN_PASSWORD = "benchmark-first-staff-7c1d";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.size", 1_000_000);
        Path folder = Files.createDirectories(Path.of("target", "bench-postgres"));
        try (BenchmarkSendGridStandIn sendGrid = BenchmarkSendGridStandIn.start(InvitationBenchmark.STAND_IN_DELAY);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(folder, "run-"))
                .setCleanDataDirectory(true).setServerConfig("max_wal_size", "4GB").start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(BackofficeApplication.class)
                        .properties("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                                "spring.datasource.username=postgres", "server.port=0",
                                "jadecrane.data-dir=target/bench-data", "jadecrane.scheduler.enabled=false", "jadecrane.jobs.async=false",
                                "jadecrane.admin-password=" + ADMIN_PASSWORD,
                                "logging.level.root=WARN", "logging.level.com.jadecrane.benchmark=INFO")
                        .properties(InvitationBenchmark.properties(sendGrid))
                        .run()) {
            List<BenchmarkRow> jobs = new ArrayList<>();
            List<LatencyRow> latencies = new ArrayList<>();
            new WaitlistBenchmark(app, size).run(jobs, latencies);
            new WindowBenchmark(app).run(jobs);
            new InvitationBenchmark(app, sendGrid).run(jobs);
            // leadership's home page once every table above is full: each call computes every figure
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            latencies.add(LoadClients.measure("GET /api/dashboard", port, "admin", ADMIN_PASSWORD, 2, 2, 10, i -> "/api/dashboard"));
            new ReportBenchmark(postgres.getJdbcUrl("postgres", "postgres")).run(jobs);
            BenchmarkReport.print(System.out, machine(), jobs, latencies);
        }
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + " cores, JVM max heap " + (runtime.maxMemory() >> 20) + " MiB, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", embedded PostgreSQL 17";
    }
}
