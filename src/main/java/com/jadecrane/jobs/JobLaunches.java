package com.jadecrane.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.stereotype.Service;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.ConflictException;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.ResourceNotFoundException;

/**
 * Starting, restarting, stopping and abandoning job executions, from the API, the schedules and
 * the command line alike. A job never runs twice at the same time: the check for a running
 * execution and the start happen under a database-wide advisory lock on the job's name. Every
 * launch's parameters are checked against the job's {@link DeclaredParameters} first.
 */
@Service
class JobLaunches {

    /** First half of the two-key advisory lock space reserved for launching jobs. */
    private static final int LAUNCH_LOCK_SPACE = 0x4A430002;
    static final String LAUNCHED_AT = "launchedAt";

    private final Map<String, Job> jobs;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ExecutionThreads threads;
    private final Map<String, DeclaredParameters> declarations;
    private final LaunchParameterCheck check;

    JobLaunches(Map<String, Job> jobs, JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource,
            ApplicationEventPublisher events, ExecutionThreads threads, List<DeclaredParameters> declarations,
            RoleHierarchy roles) {
        this.threads = threads;
        this.declarations = declarations.stream().collect(Collectors.toMap(DeclaredParameters::jobName, Function.identity()));
        this.check = new LaunchParameterCheck(roles, Clock.systemUTC());
        this.jobs = jobs;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jdbc = new JdbcTemplate(dataSource);
        this.events = events;
    }

    Set<String> jobNames() {
        return new java.util.TreeSet<>(jobs.keySet());
    }

    /** Starts a new run; {@code parameters} are the job's own, as it declares them (e.g. {@code dryRun}). */
    JobExecution start(String jobName, Map<String, String> parameters, String launchedBy) {
        Job job = job(jobName);
        Map<String, String> checked = check.checked(declared(jobName), parameters);
        JobParametersBuilder builder = new JobParametersBuilder();
        checked.forEach(builder::addString);
        // every launch is a new job instance; restarting an old one is a separate operation
        builder.addString(LAUNCHED_AT, Instant.now().toString());
        builder.addString(JobLaunchRecorder.LAUNCHED_BY, launchedBy, false);
        JobParameters jobParameters = builder.toJobParameters();
        JobExecution execution = underLaunchLock(jobName, () -> {
            refuseIfRunning(jobName);
            return jobOperator.start(job, jobParameters);
        });
        // a schedule's or the command line's launch is audited under that name too, not as "system"
        LauncherAuthentication.assume(launchedBy);
        try {
            events.publishEvent(new JobLaunched(jobName, execution.getId(), checked, launchedBy));
        }
        finally {
            LauncherAuthentication.release();
        }
        return execution;
    }

    JobExecution restart(long executionId) {
        JobExecution failed = execution(executionId);
        String jobName = failed.getJobInstance().getJobName();
        JobExecution restarted = underLaunchLock(jobName, () -> {
            refuseIfRunning(jobName);
            if (threads.stillRunning(executionId)) {
                throw new ConflictException("Execution " + executionId + " is still finishing its current chunk; "
                        + "restart it in a moment");
            }
            try {
                return jobOperator.restart(failed);
            }
            catch (Exception ex) {
                throw new ConflictException("Execution " + executionId + " cannot be restarted: " + ex.getMessage());
            }
        });
        events.publishEvent(new JobOperationRequested("restart", jobName, executionId, CurrentUser.username()));
        return restarted;
    }

    void stop(long executionId) {
        JobExecution execution = execution(executionId);
        try {
            jobOperator.stop(execution);
        }
        catch (JobExecutionNotRunningException ex) {
            throw new ConflictException("Execution " + executionId + " is not running (" + execution.getStatus() + ")");
        }
        events.publishEvent(new JobOperationRequested("stop", execution.getJobInstance().getJobName(), executionId,
                CurrentUser.username()));
    }

    void abandon(long executionId) {
        JobExecution execution = execution(executionId);
        try {
            jobOperator.abandon(execution);
        }
        catch (Exception ex) {
            throw new ConflictException("Execution " + executionId + " cannot be abandoned while it runs; stop it first");
        }
        events.publishEvent(new JobOperationRequested("abandon", execution.getJobInstance().getJobName(), executionId,
                CurrentUser.username()));
    }

    JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        }
        catch (EmptyResultDataAccessException ex) {
            execution = null;
        }
        if (execution == null) {
            throw new ResourceNotFoundException("Job execution", executionId);
        }
        return execution;
    }

    /** What the job takes (nothing unless its configuration declares it). */
    DeclaredParameters declared(String jobName) {
        job(jobName);
        return declarations.getOrDefault(jobName, DeclaredParameters.none(jobName));
    }

    private Job job(String jobName) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new ResourceNotFoundException("Job", jobName);
        }
        return job;
    }

    private void refuseIfRunning(String jobName) {
        if (!jobRepository.findRunningJobExecutions(jobName).isEmpty()) {
            throw new ConflictException(jobName + " is already running; wait for it to end or stop it");
        }
    }

    private JobExecution underLaunchLock(String jobName, LaunchAction action) {
        return jdbc.execute((java.sql.Connection connection) -> {
            try (var lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, LAUNCH_LOCK_SPACE);
                lock.setInt(2, jobName.hashCode());
                lock.execute();
            }
            try {
                return action.launch();
            }
            catch (RuntimeException ex) {
                throw ex;
            }
            catch (Exception ex) {
                throw new IllegalStateException("Could not launch " + jobName + ": " + ex.getMessage(), ex);
            }
            finally {
                try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                    unlock.setInt(1, LAUNCH_LOCK_SPACE);
                    unlock.setInt(2, jobName.hashCode());
                    unlock.execute();
                }
            }
        });
    }

    @FunctionalInterface
    private interface LaunchAction {
        JobExecution launch() throws Exception;
    }
}
