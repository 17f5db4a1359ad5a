package com.jadecrane.jobs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.BackofficeApplication;
import com.jadecrane.support.TestInstances;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database, with the same schedule firing every second:
 * ShedLock lets one firing launch, and the job runs once.
 */
class SeveralInstancesTests {

    @Test
    void twoInstancesWithTheSameScheduleLaunchTheJobOnce() throws Exception {
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        OffsetDateTime testStart = OffsetDateTime.now();
        try {
            for (int i = 0; i < 2; i++) {
                instances.add(new SpringApplicationBuilder(BackofficeApplication.class).run(TestInstances.arguments(
                        "--server.port=0",
                        "--jadecrane.scheduler.enabled=true",
                        "--jadecrane.jobs.schedules.sampleCountingJob=* * * * * *").toArray(String[]::new)));
            }
            // both instances now fire every second
            Thread.sleep(3_500);

            assertThat(scheduledRunsSince(instances.get(0).getBean(JdbcClient.class), testStart)).isEqualTo(1);
        }
        finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static long scheduledRunsSince(JdbcClient jdbc, OffsetDateTime since) {
        return jdbc.sql("""
                select count(*) from job_execution_launch l
                join batch_job_execution e on e.job_execution_id = l.job_execution_id
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = 'sampleCountingJob' and l.launched_by = 'scheduler' and l.launched_at >= ?
                """).param(since).query(Long.class).single();
    }
}
