package com.jadecrane.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Executions left STARTED by a process that died are recovered at start-up so ops can restart
 * them; those of an instance that is still alive are left alone. The dead and the live instances
 * are played by rows in app_instance, the live one holding its liveness lock on a connection.
 */
@IntegrationTest
class CrashRecoveryTests {

    private static final int LIVENESS_LOCK_SPACE = 0x4A430001;

    @LocalServerPort
    int port;

    @Autowired
    StaleExecutionRecovery recovery;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void executionsOfADeadProcessAreRecoveredAndRestartableButThoseOfALiveOneAreNot() throws Exception {
        long orphan = startedExecutionOwnedBy("sampleCountingJob", "dead-instance-" + System.nanoTime(), 11_000_001);
        String liveInstance = "live-instance-" + System.nanoTime();
        long running = startedExecutionOwnedBy("alwaysFailingJob", liveInstance, 11_000_002);
        try (Connection liveProcess = dataSource.getConnection();
                PreparedStatement lock = liveProcess.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, LIVENESS_LOCK_SPACE);
            lock.setInt(2, 11_000_002);
            lock.execute();

            List<Long> recovered = recovery.recoverAbandonedExecutions();

            assertThat(recovered).contains(orphan).doesNotContain(running);
            assertThat(jobRepository.getJobExecution(orphan).getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(jobRepository.getJobExecution(running).getStatus()).isEqualTo(BatchStatus.STARTED);
        }
        finally {
            // the live instance "ends": its execution is no one's concern in later tests
            recovery.recoverAbandonedExecutions();
        }

        ApiClient ops = TestUsers.signedIn(port, "OPS");
        assertThat(ops.get("/api/jobs/executions/" + orphan).<String>json("$.recoveredAt")).isNotNull();
        ApiClient.Response restarted = ops.post("/api/jobs/executions/" + orphan + "/restart", "");
        assertThat(restarted.status()).isEqualTo(202);
        long restartedId = restarted.<Integer>json("$.executionId");
        assertThat(awaitStatus(restartedId)).isEqualTo(BatchStatus.COMPLETED);
    }

    private long startedExecutionOwnedBy(String jobName, String instanceId, int lockKey) throws Exception {
        jdbc.sql("insert into app_instance (id, lock_key, host) values (?, ?, 'test')").params(instanceId, lockKey).update();
        JobParameters parameters = new JobParametersBuilder().addString("launchedAt", Instant.now() + "-" + lockKey)
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(jobName, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters,
                new org.springframework.batch.infrastructure.item.ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(java.time.LocalDateTime.now());
        jobRepository.update(execution);
        jdbc.sql("insert into job_execution_launch (job_execution_id, instance_id, launched_by) values (?, ?, 'test')")
                .params(execution.getId(), instanceId).update();
        return execution.getId();
    }

    private BatchStatus awaitStatus(long executionId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            BatchStatus status = jobRepository.getJobExecution(executionId).getStatus();
            if (!status.isRunning()) {
                return status;
            }
            Thread.sleep(50);
        }
        return jobRepository.getJobExecution(executionId).getStatus();
    }
}
