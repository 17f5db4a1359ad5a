package com.jadecrane.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attached to every job (see {@link JobsConfiguration}): records which instance runs an execution
 * (in the executing thread, so also for command-line and synchronous runs), runs it as its launcher
 * (see {@link LauncherAuthentication}), and announces its end. A failure is logged with its
 * exception and recorded only as its {@link FailureKind}, which is all staff are shown.
 */
class JobLaunchRecorder implements JobExecutionListener {

    static final String LAUNCHED_BY = "launchedBy";
    private static final Logger log = LoggerFactory.getLogger(JobLaunchRecorder.class);

    private final JdbcClient jdbc;
    private final InstanceIdentity instance;
    private final ApplicationEventPublisher events;

    JobLaunchRecorder(JdbcClient jdbc, InstanceIdentity instance, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.events = events;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        String launchedBy = execution.getJobParameters().getString(LAUNCHED_BY, "system");
        LauncherAuthentication.assume(launchedBy);
        // a restart runs a new execution of the same instance: it is owned afresh
        jdbc.sql("""
                insert into job_execution_launch (job_execution_id, instance_id, launched_by) values (?, ?, ?)
                on conflict (job_execution_id) do update set instance_id = excluded.instance_id, finished_at = null,
                    failure_kind = null
                """).params(execution.getId(), instance.id(), launchedBy).update();
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            String kind = null;
            if (!execution.getAllFailureExceptions().isEmpty()) {
                kind = FailureKind.of(execution.getAllFailureExceptions()).label();
                log.error("{} execution {} ended {} ({})", execution.getJobInstance().getJobName(), execution.getId(),
                        execution.getStatus(), kind, execution.getAllFailureExceptions().get(0));
            }
            jdbc.sql("update job_execution_launch set finished_at = now(), failure_kind = ? where job_execution_id = ?")
                    .params(kind, execution.getId()).update();
            events.publishEvent(new JobExecutionEnded(execution.getJobInstance().getJobName(), execution.getId(),
                    execution.getStatus().name(), FailureKind.forStaff(execution.getExitStatus().getExitCode(),
                            execution.getExitStatus().getExitDescription(), kind, execution.getId())));
        }
        finally {
            LauncherAuthentication.release();
        }
    }
}
