package com.jadecrane.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.jadecrane.BackofficeApplication;
import com.jadecrane.support.TestInstances;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar app.jar --jadecrane.run-job=<name>}: a separate JVM, judged by its exit code. */
class CommandLineJobRunnerTests {

    @Test
    void exitsZeroOnlyWhenTheJobCompleted() throws Exception {
        assertThat(runJob("sampleCountingJob")).isEqualTo(0);
        assertThat(runJob("alwaysFailingJob")).isEqualTo(1);
        assertThat(runJob("noSuchJob")).isEqualTo(2);
    }

    private static int runJob(String jobName) throws Exception {
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "cli-runs")), jobName, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BackofficeApplication.class.getName()));
        command.addAll(TestInstances.arguments("--jadecrane.run-job=" + jobName));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The job run did not end; see " + log);
        }
        String output = Files.readString(log);
        assertThat(output).as("a command-line run starts no web server").doesNotContain("Tomcat started");
        return process.exitValue();
    }
}
