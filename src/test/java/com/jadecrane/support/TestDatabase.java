package com.jadecrane.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One fresh embedded PostgreSQL per test run, shared by every test class (and every Spring test
 * context) in the JVM. It lives under {@code target/}, away from the temp folder that the library
 * cleans, and stops when the JVM exits. It keeps the library's fast settings (fsync and synchronous
 * commits off) on purpose: tests kill no machine, and the application's own embedded PostgreSQL, which
 * the crash tests do kill, is durable. The test contexts accept that risk for it
 * ({@code jadecrane.database.accept-non-durable-commits}).
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-postgres")), "run-");
                postgres = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(true).start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException ignored) {
                    // the JVM is going away; the folder is under target/
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
