package com.jadecrane.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.jadecrane.BackofficeApplication;

/**
 * Arguments for starting extra instances of the application (another JVM, a second Spring
 * application) on the shared test database, with the same first admin as {@link IntegrationTest}.
 */
public final class TestInstances {

    private TestInstances() {
    }

    public static List<String> arguments(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--jadecrane.database.accept-non-durable-commits=true",
                "--jadecrane.data-dir=target/test-data"));
        arguments.addAll(firstAdmin());
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /**
     * The application in a JVM of its own (a process that can be killed), with {@link #arguments}
     * and the extra ones given; its output goes to a log under target/instances.
     */
    public static Instance startJvm(String name, String... extra) throws IOException {
        return start(name, arguments(extra));
    }

    /**
     * The application in a JVM of its own as the README's run command starts it: no database URL,
     * so it runs its own (durable) PostgreSQL in {@code dataDir}, which outlives a killed JVM.
     */
    public static Instance startEmbeddedJvm(String name, Path dataDir, String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--jadecrane.data-dir=" + dataDir.toAbsolutePath()));
        arguments.addAll(firstAdmin());
        arguments.addAll(List.of(extra));
        return start(name, arguments);
    }

    private static List<String> firstAdmin() {
        return List.of("--jadecrane.admin-password=" + TestUsers.ADMIN_PASSWORD);
    }

    private static Instance start(String name, List<String> arguments) throws IOException {
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "instances")), name, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BackofficeApplication.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Instance(process, log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public record Instance(Process process, Path log) {

        public String output() throws IOException {
            return Files.readString(log);
        }

        /** Waits for the condition while the process lives; fails, naming the log, when it ends or time runs out. */
        public void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("The instance ended early; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Waited " + timeout + " in vain; see " + log);
                }
                Thread.sleep(50);
            }
        }

        /** Waits until the instance on {@code port} answers its health endpoint with 200. */
        public void awaitHealthy(int port, Duration timeout) throws InterruptedException {
            await(timeout, () -> healthy(port));
        }

        private static boolean healthy(int port) {
            try {
                HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/management/health")).build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
            }
            catch (IOException ex) {
                return false;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
