package com.jadecrane.jobs;

import java.util.LinkedHashMap;
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
 * COMPLETED, 1 otherwise, 2 when the job does not exist or cannot start (a parameter it does not
 * declare, or a bad value: refused before it runs). {@code --jadecrane.run-job-parameters=runDate=2026-12-01,dueWithinDays=10}
 * passes parameters. {@link RunJobModeEnvironment} turns the web server and schedules off for such a run.
 */
@Component
class CommandLineJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandLineJobRunner.class);

    private final JobLaunches launches;
    private final JobRuns runs;
    private final String jobName;
    private final String parameters;
    private int exitCode;

    CommandLineJobRunner(JobLaunches launches, JobRuns runs, @Value("${jadecrane.run-job:}") String jobName,
            @Value("${jadecrane.run-job-parameters:}") String parameters) {
        this.launches = launches;
        this.runs = runs;
        this.jobName = jobName;
        this.parameters = parameters;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (jobName.isBlank()) {
            return;
        }
        JobExecution execution;
        try {
            execution = launches.start(jobName, parsed(parameters), "command-line");
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

    /** {@code name=value} pairs separated by commas (values cannot hold a comma). */
    private static Map<String, String> parsed(String text) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("jadecrane.run-job-parameters: '" + pair.strip() + "' is not name=value");
            }
            parsed.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return parsed;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
