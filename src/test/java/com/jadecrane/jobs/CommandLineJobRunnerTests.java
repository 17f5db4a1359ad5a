package com.jadecrane.jobs;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

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
        TestInstances.Instance run = TestInstances.startJvm(jobName, "--jadecrane.run-job=" + jobName);
        if (!run.process().waitFor(90, TimeUnit.SECONDS)) {
            run.process().destroyForcibly();
            throw new AssertionError("The job run did not end; see " + run.log());
        }
        assertThat(run.output()).as("a command-line run starts no web server").doesNotContain("Tomcat started");
        return run.process().exitValue();
    }
}
