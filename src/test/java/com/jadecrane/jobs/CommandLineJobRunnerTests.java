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

    /** Checked as any launch is, before the job runs: a parameter the job does not take is a start failure. */
    @Test
    void aParameterTheJobDoesNotTakeIsRefusedBeforeItRuns() throws Exception {
        assertThat(runJob("sampleCountingJob", "--jadecrane.run-job-parameters=noSuchParameter=1")).isEqualTo(2);
    }

    private static int runJob(String jobName, String... arguments) throws Exception {
        String[] all = new String[arguments.length + 1];
        all[0] = "--jadecrane.run-job=" + jobName;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        TestInstances.Instance run = TestInstances.startJvm(jobName, all);
        if (!run.process().waitFor(90, TimeUnit.SECONDS)) {
            run.process().destroyForcibly();
            throw new AssertionError("The job run did not end; see " + run.log());
        }
        assertThat(run.output()).as("a command-line run starts no web server").doesNotContain("Tomcat started");
        return run.process().exitValue();
    }
}
