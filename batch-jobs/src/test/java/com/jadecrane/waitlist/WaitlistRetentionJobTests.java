package com.jadecrane.waitlist;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.IntegrationTest;

import static com.jadecrane.waitlist.WaitlistTestData.signUp;
import static com.jadecrane.waitlist.WaitlistTestData.signup;
import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on the shared test database: this test's people are aged by moving their sign-ups
 * back in time, and every assertion looks at them only.
 */
@IntegrationTest
class WaitlistRetentionJobTests {

    @LocalServerPort
    int port;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("waitlistRetentionJob")
    Job job;

    @Autowired
    @Qualifier("waitlistDedupeJob")
    Job dedupe;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dropFailureTrigger() {
        jdbc.sql("drop trigger if exists fail_retention_once on waitlist_entry").update();
        jdbc.sql("drop function if exists fail_on_marked_entry()").update();
    }

    @Test
    void peopleInactiveForTheRetentionPeriodAreAnonymizedAndTheCountsStay() throws Exception {
        String m = unique();
        String inactive = "old-" + m + "@example.org";
        String recent = "recent-" + m + "@example.org";
        signUp(port, signup(inactive, "Old Person " + m));
        signUp(port, signup(inactive, "Old Person " + m));
        signUp(port, signup(recent, "Recent Person " + m));
        run(dedupe);
        age(inactive, "25 months");
        age(recent, "23 months");
        long inactiveEntry = entryId(inactive);
        long recentEntry = entryId(recent);

        JobExecution execution = run(job);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> erased = entry(inactiveEntry);
        assertThat(erased.get("status")).isEqualTo("ERASED");
        assertThat(erased.get("email")).isNull();
        assertThat(erased.get("full_name")).isNull();
        assertThat(erased.get("country")).isEqualTo("PT");
        assertThat(erased.get("signup_count")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from waitlist_signup where entry_id = ? and email is null and message is null")
                .param(erased.get("id")).query(Integer.class).single()).isEqualTo(2);
        assertThat(entry(recentEntry).get("status")).isEqualTo("ACTIVE");
        assertThat(erasures(inactiveEntry)).isEqualTo(1);

        // a second run finds nobody left to anonymize among them
        run(job);
        assertThat(erasures(inactiveEntry)).isEqualTo(1);
    }

    @Test
    void aRestartAfterAFailureFinishesTheWorkErasingEachPersonOnce() throws Exception {
        String m = unique();
        for (int i = 1; i <= 3; i++) {
            signUp(port, signup("gone-" + m + "-" + i + "@example.org", "Gone " + m + " " + i));
        }
        run(dedupe);
        List<Long> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            age("gone-" + m + "-" + i + "@example.org", "30 months");
            entries.add(entryId("gone-" + m + "-" + i + "@example.org"));
        }
        jdbc.sql("""
                create function fail_on_marked_entry() returns trigger language plpgsql as $$
                begin
                    if old.full_name = 'Gone %s 2' and new.status = 'ERASED' then
                        raise exception 'injected failure in the middle of the job';
                    end if;
                    return new;
                end $$""".formatted(m)).update();
        jdbc.sql("create trigger fail_retention_once before update on waitlist_entry for each row"
                + " execute function fail_on_marked_entry()").update();

        JobExecution failed = run(job);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        dropFailureTrigger();

        JobExecution restarted = jobOperator.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (long entryId : entries) {
            assertThat(entry(entryId).get("status")).isEqualTo("ERASED");
            assertThat(erasures(entryId)).as("erased once").isEqualTo(1);
        }
    }

    private void age(String email, String by) {
        jdbc.sql("update waitlist_signup set received_at = now() - cast(? as interval) where email = ?")
                .params(by, email).update();
    }

    private long entryId(String email) {
        return jdbc.sql("select distinct entry_id from waitlist_signup where email = ?").param(email)
                .query(Long.class).single();
    }

    private Map<String, Object> entry(long id) {
        return jdbc.sql("select * from waitlist_entry where id = ?").param(id).query().singleRow();
    }

    private int erasures(long entryId) {
        return jdbc.sql("select count(*) from audit_event where action = 'PersonalDataErased' and details->>'entryId' = ?"
                + " and details->>'erasedBy' = 'retention'").param(String.valueOf(entryId)).query(Integer.class).single();
    }

    private JobExecution run(Job target) throws Exception {
        return jobOperator.start(target, new JobParametersBuilder().addLong("test.run", System.nanoTime())
                .toJobParameters());
    }
}
