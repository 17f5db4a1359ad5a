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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.IntegrationTest;

import static com.jadecrane.waitlist.WaitlistTestData.signUp;
import static com.jadecrane.waitlist.WaitlistTestData.signup;
import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static com.jadecrane.waitlist.WaitlistTestData.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on the shared test database: other tests' sign-ups may be there too, so every assertion
 * looks at this test's own unique emails.
 */
@IntegrationTest
class WaitlistDedupeJobTests {

    @LocalServerPort
    int port;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("waitlistDedupeJob")
    Job job;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dropFailureTrigger() {
        jdbc.sql("drop trigger if exists fail_once on waitlist_signup").update();
        jdbc.sql("drop function if exists fail_on_marked_signup()").update();
    }

    @Test
    void oneEntryPerPersonQueuedAtTheFirstSignupWithNewestPreferencesAndUnions() throws Exception {
        // files what other tests left NEW, so the run below counts this test's three sign-ups alone
        run(1000);
        String m = unique();
        signUp(port, signup("Ana.Silva." + m + "+guide@gmail.com", "Ana Silva"));
        signUp(port, with(signup(" anasilva" + m + "@GoogleMail.com ", "Ana Silva"), "specialty", "breast-cancer",
                "sourcePage", "breast-cancer-china"));
        signUp(port, with(signup("ANA.SILVA." + m + "@gmail.com", "Ana M. Silva"), "preferredLanguage", "pt",
                "timeZone", "Europe/Paris", "sourcePage", "how-we-verify"));

        JobExecution execution = run(1000);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> signups = signupsOf("%" + m + "%");
        assertThat(signups).hasSize(3);
        assertThat(signups).extracting(s -> s.get("entry_id")).containsOnly(signups.get(0).get("entry_id"));
        assertThat(signups).extracting(s -> s.get("state")).containsExactly("CANONICAL", "DUPLICATE", "DUPLICATE");
        assertThat(signups).extracting(s -> s.get("duplicate_of")).containsExactly(null, signups.get(0).get("id"),
                signups.get(0).get("id"));
        Map<String, Object> entry = entry((Long) signups.get(0).get("entry_id"));
        assertThat(entry.get("identity_key")).isEqualTo("anasilva" + m + "@gmail.com");
        assertThat(entry.get("queued_at")).isEqualTo(signups.get(0).get("received_at"));
        assertThat(entry.get("canonical_signup_id")).isEqualTo(signups.get(0).get("id"));
        assertThat(entry.get("preferred_language")).isEqualTo("pt");
        assertThat(entry.get("time_zone")).isEqualTo("Europe/Paris");
        assertThat(entry.get("full_name")).isEqualTo("Ana M. Silva");
        assertThat(entry.get("specialties")).isEqualTo("{breast-cancer,oncology}");
        assertThat(entry.get("source_pages")).isEqualTo("{breast-cancer-china,cancer-second-opinion-china,how-we-verify}");
        assertThat(entry.get("signup_count")).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from waitlist_merge where entry_id = ? and job_execution_id = ?")
                .params(entry.get("id"), execution.getId()).query(Long.class).single()).isEqualTo(2);
        StepExecution filing = step(execution, "fileNewSignupsStep");
        assertThat(filing.getReadCount()).isEqualTo(3);
        assertThat(filing.getWriteCount()).isEqualTo(2);
        assertThat(filing.getExitStatus().getExitDescription())
                .isEqualTo("sign-ups read: 3, merged as duplicates: 2, new people: 1");
    }

    @Test
    void caseWhitespaceAndCompatibilityFormsMatchButOtherProvidersKeepDotsAndTags() throws Exception {
        String m = unique();
        signUp(port, signup("joao." + m + "@example.org", "Joao " + m));
        signUp(port, signup("  JOAO." + m + "@EXAMPLE.org\t", "Joao " + m));
        signUp(port, signup("ｊｏａｏ." + m + "@example.org", "Joao " + m));
        signUp(port, signup("jo.ao." + m + "@example.org", "Joao " + m));
        signUp(port, signup("joao." + m + "+tag@example.org", "Joao " + m));

        run(1000);

        Map<String, Long> entriesByKey = Map.of(
                "joao." + m + "@example.org", entryIdOfKey("joao." + m + "@example.org"),
                "jo.ao." + m + "@example.org", entryIdOfKey("jo.ao." + m + "@example.org"),
                "joao." + m + "+tag@example.org", entryIdOfKey("joao." + m + "+tag@example.org"));
        assertThat(entriesByKey.values()).doesNotHaveDuplicates();
        assertThat(entry(entriesByKey.get("joao." + m + "@example.org")).get("signup_count")).isEqualTo(3);
    }

    @Test
    void aSecondRunChangesNothingAndALaterSignupJoinsTheExistingEntry() throws Exception {
        String m = unique();
        signUp(port, signup("repeat-" + m + "@example.org", "Repeat " + m));
        signUp(port, signup("Repeat-" + m + "@example.org", "Repeat " + m));
        run(1000);
        long entryId = entryIdOfKey("repeat-" + m + "@example.org");
        Map<String, Object> before = entry(entryId);
        long merges = mergesOf(entryId);

        JobExecution again = run(1000);

        assertThat(step(again, "fileNewSignupsStep").getReadCount()).isZero();
        assertThat(step(again, "fileNewSignupsStep").getWriteCount()).isZero();
        assertThat(entry(entryId)).isEqualTo(before);
        assertThat(mergesOf(entryId)).isEqualTo(merges).isEqualTo(1);

        signUp(port, with(signup("REPEAT-" + m + "@example.org", "Repeat " + m), "specialty", "cardiology"));
        run(1000);

        Map<String, Object> after = entry(entryId);
        assertThat(after.get("signup_count")).isEqualTo(3);
        assertThat(after.get("queued_at")).isEqualTo(before.get("queued_at"));
        assertThat(after.get("specialties")).isEqualTo("{cardiology,oncology}");
        assertThat(mergesOf(entryId)).isEqualTo(2);
    }

    /**
     * A trigger made by this test fails the chunk holding one marked sign-up, once. The chunks before
     * it stay committed; the restart resumes after them and files the rest, each sign-up exactly once.
     */
    @Test
    void aRestartAfterAFailureMidJobResumesWithoutDoubleWork() throws Exception {
        String m = unique();
        for (int i = 1; i <= 6; i++) {
            signUp(port, signup("restart-" + m + "-" + i + "@example.org", "Restart " + m + " " + i));
            signUp(port, signup("Restart-" + m + "-" + i + "@example.org", "Restart " + m + " " + i));
        }
        jdbc.sql("""
                create function fail_on_marked_signup() returns trigger language plpgsql as $$
                begin
                    if new.email = 'restart-%s-5@example.org' and new.state <> 'NEW' then
                        raise exception 'injected failure in the middle of the job';
                    end if;
                    return new;
                end $$""".formatted(m)).update();
        jdbc.sql("create trigger fail_once before update on waitlist_signup for each row execute function fail_on_marked_signup()")
                .update();

        JobExecution failed = run(2);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(signupsOf("%restart-" + m + "-1@%")).extracting(s -> s.get("state")).containsOnly("CANONICAL", "DUPLICATE");
        assertThat(signupsOf("%restart-" + m + "-4@%")).extracting(s -> s.get("state")).containsOnly("CANONICAL", "DUPLICATE");
        assertThat(signupsOf("%restart-" + m + "-5@%")).extracting(s -> s.get("state")).containsOnly("NEW");
        ExecutionContext atFailure = step(failed, "fileNewSignupsStep").getExecutionContext();
        long positionAtFailure = atFailure.getLong("newSignupFiling." + ResumableChunkTasklet.LAST_ID);
        assertThat(jdbc.sql("select identity_key from waitlist_signup where id = ?").param(positionAtFailure)
                .query(String.class).single()).as("the position is a sign-up of the last committed chunk's last key")
                .isEqualTo("restart-" + m + "-4@example.org");
        assertThat(atFailure.entrySet().toString()).as("job metadata outlives erasure: no email in it")
                .doesNotContain("@").doesNotContain(m);

        dropFailureTrigger();
        JobExecution restarted = jobOperator.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(signupsOf("%restart-" + m + "-%")).extracting(s -> s.get("state")).doesNotContain("NEW");
        for (int i = 1; i <= 6; i++) {
            long entryId = entryIdOfKey("restart-" + m + "-" + i + "@example.org");
            assertThat(entry(entryId).get("signup_count")).as("person " + i).isEqualTo(2);
            assertThat(mergesOf(entryId)).as("merges of person " + i).isEqualTo(1);
        }
    }

    @Test
    void lookAlikesAreFlaggedForAPersonNeverMerged() throws Exception {
        String m = unique();
        signUp(port, signup("jose-" + m + "@example.org", "José  Lookalike " + m));
        signUp(port, signup("other-" + m + "@example.net", "jose lookalike " + m));
        signUp(port, with(signup("abroad-" + m + "@example.com", "Jose Lookalike " + m), "country", "BR"));

        JobExecution execution = run(1000);

        long a = entryIdOfKey("jose-" + m + "@example.org");
        long b = entryIdOfKey("other-" + m + "@example.net");
        long abroad = entryIdOfKey("abroad-" + m + "@example.com");
        assertThat(a).isNotEqualTo(b);
        List<Map<String, Object>> flagged = jdbc.sql("""
                select * from waitlist_possible_duplicate where entry_a in (?, ?, ?) or entry_b in (?, ?, ?)""")
                .params(a, b, abroad, a, b, abroad).query().listOfRows();
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0)).containsEntry("entry_a", Math.min(a, b)).containsEntry("entry_b", Math.max(a, b))
                .containsEntry("status", "OPEN").containsEntry("reason", "same normalized name and country");
        assertThat(step(execution, "flagLookAlikesStep").getExitStatus().getExitDescription())
                .contains("possible duplicates newly flagged");

        run(1000);
        assertThat(jdbc.sql("select count(*) from waitlist_possible_duplicate where entry_a = ? or entry_b = ?")
                .params(a, a).query(Long.class).single()).isEqualTo(1);
    }

    private JobExecution run(long chunkSize) throws Exception {
        return jobOperator.start(job, new JobParametersBuilder().addLong("chunkSize", chunkSize)
                .addLong("test.run", System.nanoTime()).toJobParameters());
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> signupsOf(String emailPattern) {
        return jdbc.sql("select * from waitlist_signup where email ilike ? order by received_at, id").param(emailPattern)
                .query().listOfRows();
    }

    private Map<String, Object> entry(long id) {
        return jdbc.sql("""
                select id, identity_key, canonical_signup_id, queued_at, status, email, full_name, preferred_language,
                       time_zone, cast(specialties as text) as specialties, cast(source_pages as text) as source_pages,
                       signup_count, version
                from waitlist_entry where id = ?""").param(id).query().singleRow();
    }

    private long entryIdOfKey(String identityKey) {
        return jdbc.sql("select id from waitlist_entry where identity_key = ? and not kept_apart").param(identityKey)
                .query(Long.class).single();
    }

    private long mergesOf(long entryId) {
        return jdbc.sql("select count(*) from waitlist_merge where entry_id = ?").param(entryId).query(Long.class).single();
    }

}
