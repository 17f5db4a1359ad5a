package com.jadecrane.jobs;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar app.jar --jadecrane.run-job=<name>} runs that one job and exits: 0 when it
 * COMPLETED, 1 otherwise, 2 when the job does not exist or cannot start. {@link RunJobModeEnvironment}
 * turns the web server and schedules off for such a run.
 */
@Component
class CommandLineJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandLineJobRunner.class);

    private final JobLaunches launches;
    private final JobRuns runs;
    private final String jobName;
    private int exitCode;

    CommandLineJobRunner(JobLaunches launches, JobRuns runs, @Value("${jadecrane.run-job:}") String jobName) {
        this.launches = launches;
        this.runs = runs;
        this.jobName = jobName;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (jobName.isBlank()) {
            return;
        }
        JobExecution execution;
        try {
            execution = launches.start(jobName, Map.of(), "command-line");
        }
        catch (RuntimeException ex) {
            log.error("Could not run {}: {}", jobName, ex.getMessage());
            exitCode = 2;
            return;
        }
        execution = runs.awaitEnd(execution, java.time.Duration.ofDays(1));
        exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        log.info("{} ended {} ({}): exit code {}", jobName, execution.getStatus(),
                execution.getExitStatus().getExitDescription(), exitCode);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
