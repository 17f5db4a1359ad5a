package com.jadecrane.jobs;

import java.time.Duration;
import java.util.List;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.TestInstances;

import static org.assertj.core.api.Assertions.assertThat;

/** What ops do in the crash tests through the jobs API of an instance in a JVM of its own. */
final class JobExecutionsApi {

    private static final List<String> RUNNING = List.of("STARTING", "STARTED", "STOPPING");

    private JobExecutionsApi() {
    }

    static String status(ApiClient ops, long executionId) {
        return ops.get("/api/jobs/executions/" + executionId).json("$.status");
    }

    /** Restarts the execution and returns the new one's id. */
    static long restart(ApiClient ops, long executionId) {
        ApiClient.Response restart = ops.post("/api/jobs/executions/" + executionId + "/restart", "");
        assertThat(restart.status()).as("%s", restart).isEqualTo(202);
        return restart.<Integer>json("$.executionId");
    }

    /** Waits while the execution runs on that instance and returns how it ended. */
    static String awaitEnd(ApiClient ops, long executionId, TestInstances.Instance instance) throws InterruptedException {
        instance.await(Duration.ofMinutes(3), () -> !RUNNING.contains(status(ops, executionId)));
        return status(ops, executionId);
    }
}
