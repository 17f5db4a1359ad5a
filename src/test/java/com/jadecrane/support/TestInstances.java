package com.jadecrane.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
                "--jadecrane.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--jadecrane.data-dir=target/test-data"));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /**
     * The application in a JVM of its own (a process that can be killed), with {@link #arguments}
     * and the extra ones given; its output goes to a log under target/instances.
     */
    public static Instance startJvm(String name, String... extra) throws IOException {
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "instances")), name, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BackofficeApplication.class.getName()));
        command.addAll(arguments(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Instance(process, log);
    }

    public record Instance(Process process, Path log) {

        public String output() throws IOException {
            return Files.readString(log);
        }
    }
}
