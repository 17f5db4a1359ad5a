package com.jadecrane.waitlist;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.waitlist.WaitlistTestData.signUp;
import static com.jadecrane.waitlist.WaitlistTestData.signup;
import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static com.jadecrane.waitlist.WaitlistTestData.with;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WaitlistApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyOpsAndAdminSeeTheWaitlist() {
        String m = unique();
        signUp(port, signup("roles-" + m + "@example.org", "Roles " + m));
        TestUsers.signedIn(port, "OPS").post("/api/waitlist/dedupe-runs", "{}");
        long id = entryIdOf("roles-" + m + "@example.org");
        String[] reads = { "/api/waitlist", "/api/waitlist/" + id, "/api/waitlist/" + id + "/export",
                "/api/waitlist/possible-duplicates" };

        for (String role : new String[] { "EDITOR", "LEADERSHIP" }) {
            ApiClient client = TestUsers.signedIn(port, role);
            for (String path : reads) {
                assertThat(client.get(path).status()).as(role + " " + path).isEqualTo(403);
            }
            assertThat(client.post("/api/waitlist/" + id + "/erase", "{}").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/waitlist/dedupe-runs", "{}").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/waitlist/merges/1/undo", "{}").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/waitlist/possible-duplicates/1/resolve", "{\"decision\":\"DISTINCT\"}").status())
                    .as(role).isEqualTo(403);
        }
        ApiClient anonymous = new ApiClient(port);
        for (String path : reads) {
            assertThat(anonymous.get(path).status()).as("anonymous " + path).isEqualTo(401);
        }
        for (ApiClient allowed : List.of(TestUsers.signedIn(port, "OPS"), TestUsers.admin(port))) {
            for (String path : reads) {
                assertThat(allowed.get(path).status()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void theDedupeRunAnswersItsCountsAndTheListShowsOneEntryWithTwoSignups() {
        String m = unique();
        signUp(port, signup("Ana.Silva" + m + "+x@gmail.com", "Ana Silva " + m));
        signUp(port, with(signup(" anasilva" + m + "@googlemail.com", "Ana Silva " + m), "sourcePage", "how-we-verify"));
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response run = ops.post("/api/waitlist/dedupe-runs", "{}");

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.<String>json("$.status")).isEqualTo("COMPLETED");
        assertThat(run.<Integer>json("$.steps[0].readCount")).isGreaterThanOrEqualTo(2);
        ApiClient.Response list = ops.get("/api/waitlist?q=" + m);
        assertThat(list.header("X-Total-Count")).contains("1");
        assertThat(list.<Integer>json("$[0].signupCount")).isEqualTo(2);
        assertThat(list.<List<String>>json("$[0].sourcePages")).containsExactly("cancer-second-opinion-china", "how-we-verify");
        long id = list.<Integer>json("$[0].id");
        ApiClient.Response detail = ops.get("/api/waitlist/" + id);
        assertThat(detail.<List<String>>json("$.signups[*].state")).containsExactly("CANONICAL", "DUPLICATE");
        assertThat(detail.<List<Object>>json("$.merges")).hasSize(1);
    }

    @Test
    void filtersSortAndPageTheList() {
        String m = unique();
        signUp(port, with(signup("filter-a-" + m + "@example.org", "Filter A " + m), "country", "BR", "specialty", "cardiology",
                "sourcePage", "heart-" + m));
        signUp(port, with(signup("filter-b-" + m + "@example.org", "Filter B " + m), "country", "BR"));
        signUp(port, with(signup("filter-c-" + m + "@example.org", "Filter C " + m), "country", "DE", "sourcePage", "heart-" + m));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");

        assertThat(emails(ops.get("/api/waitlist?q=" + m + "&country=BR&sort=email,desc")))
                .containsExactly("filter-b-" + m + "@example.org", "filter-a-" + m + "@example.org");
        assertThat(emails(ops.get("/api/waitlist?q=" + m + "&specialty=cardiology")))
                .containsExactly("filter-a-" + m + "@example.org");
        assertThat(emails(ops.get("/api/waitlist?sourcePage=heart-" + m + "&sort=queuedAt,asc")))
                .containsExactly("filter-a-" + m + "@example.org", "filter-c-" + m + "@example.org");
        assertThat(emails(ops.get("/api/waitlist?q=FILTER-C-" + m + "&status=ACTIVE&signedUpFrom=2020-01-01")))
                .containsExactly("filter-c-" + m + "@example.org");
        assertThat(emails(ops.get("/api/waitlist?q=" + m + "&signedUpTo=2020-01-01"))).isEmpty();
        ApiClient.Response page = ops.get("/api/waitlist?q=" + m + "&size=2&page=1&sort=email,asc");
        assertThat(page.header("X-Total-Count")).contains("3");
        assertThat(emails(page)).containsExactly("filter-c-" + m + "@example.org");
        assertThat(ops.get("/api/waitlist?sort=message,asc").status()).isEqualTo(400);
    }

    @Test
    void aLongListCountsOnlyAheadOfThePageAndSaysMoreThan() {
        String page = "bulk-" + unique();
        int entries = WaitlistQueries.COUNTED_AHEAD + 5;
        long signupId = jdbc.sql("""
                insert into waitlist_signup (email, consent_data_processing, consent_cross_border, consent_text_version,
                    consent_accepted_at, identity_key, state)
                values (?, true, true, 'test', now(), ?, 'CANONICAL') returning id""")
                .params(page + "@example.org", page + "@example.org").query(Long.class).single();
        // erased entries: counted by the list, never offered a seat by the allocation tests sharing the database
        jdbc.sql("""
                insert into waitlist_entry (identity_key, canonical_signup_id, queued_at, preferences_at, status, source_pages)
                select ? || n, ?, now(), now(), 'ERASED', array[cast(? as text)] from generate_series(1, ?) n""")
                .params(page + "-", signupId, page, entries).update();
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response first = ops.get("/api/waitlist?sourcePage=" + page + "&size=50");
        ApiClient.Response further = ops.get("/api/waitlist?sourcePage=" + page + "&size=50&page=1");
        ApiClient.Response last = ops.get("/api/waitlist?sourcePage=" + page + "&size=50&page=20");

        assertThat(first.header("X-Total-Count")).contains(Integer.toString(WaitlistQueries.COUNTED_AHEAD));
        assertThat(first.header("X-Total-Count-Exact")).contains("false");
        assertThat(first.<List<Object>>json("$")).hasSize(50);
        assertThat(further.header("X-Total-Count")).contains(Integer.toString(entries));
        assertThat(further.header("X-Total-Count-Exact")).isEmpty();
        assertThat(last.<List<Object>>json("$")).hasSize(Math.min(50, entries - 20 * 50));
    }

    @Test
    void undoingAMergeMakesTheSignupItsOwnEntryThatTheJobLeavesApart() {
        String m = unique();
        signUp(port, signup("undo-" + m + "@example.org", "Undo " + m));
        signUp(port, with(signup("UNDO-" + m + "@example.org", "Undo " + m), "specialty", "cardiology"));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long entryId = entryIdOf("undo-" + m + "@example.org");
        long mergeId = ops.get("/api/waitlist/" + entryId).<Integer>json("$.merges[0].id");

        ApiClient.Response undone = ops.post("/api/waitlist/merges/" + mergeId + "/undo", "{}");

        assertThat(undone.status()).isEqualTo(200);
        long newEntry = undone.<Integer>json("$.id");
        assertThat(newEntry).isNotEqualTo(entryId);
        assertThat(undone.<Boolean>json("$.keptApart")).isTrue();
        assertThat(undone.<List<String>>json("$.signups[*].email")).containsExactly("UNDO-" + m + "@example.org");
        ApiClient.Response original = ops.get("/api/waitlist/" + entryId);
        assertThat(original.<Integer>json("$.signupCount")).isEqualTo(1);
        assertThat(original.<List<String>>json("$.specialties")).containsExactly("oncology");
        assertThat(original.<String>json("$.merges[0].undoneBy")).startsWith("ops-");
        assertThat(ops.post("/api/waitlist/merges/" + mergeId + "/undo", "{}").status()).isEqualTo(409);

        ops.post("/api/waitlist/dedupe-runs", "{}");
        assertThat(ops.get("/api/waitlist/" + newEntry).<Integer>json("$.signupCount")).isEqualTo(1);
        signUp(port, signup("Undo-" + m + "@example.org", "Undo " + m));
        ops.post("/api/waitlist/dedupe-runs", "{}");
        assertThat(ops.get("/api/waitlist/" + entryId).<Integer>json("$.signupCount")).isEqualTo(2);
        assertThat(ops.get("/api/waitlist/" + newEntry).<Integer>json("$.signupCount")).isEqualTo(1);
    }

    @Test
    void possibleDuplicatesAreResolvedAsDistinctOrMergedAsTheSamePerson() {
        String m = unique();
        signUp(port, signup("look-1-" + m + "@example.org", "Look Alike " + m));
        signUp(port, with(signup("look-2-" + m + "@example.net", "LOOK  alike " + m), "specialty", "cardiology"));
        signUp(port, signup("look-3-" + m + "@example.com", "Look Alike " + m));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long first = entryIdOf("look-1-" + m + "@example.org");
        long second = entryIdOf("look-2-" + m + "@example.net");
        List<Integer> pairs = ops.get("/api/waitlist/" + first).json("$.possibleDuplicates[*].id");
        assertThat(pairs).hasSize(2);
        assertThat(ops.get("/api/waitlist/possible-duplicates?status=OPEN&size=200").<List<Integer>>json("$[*].id"))
                .containsAll(pairs);
        int withSecond = ops.get("/api/waitlist/" + second).<Integer>json("$.possibleDuplicates[0].id");
        int withThird = pairs.stream().filter(p -> p != withSecond).findFirst().orElseThrow();

        assertThat(ops.post("/api/waitlist/possible-duplicates/" + withThird + "/resolve",
                Json.object("decision", "DISTINCT")).status()).isEqualTo(200);
        ApiClient.Response same = ops.post("/api/waitlist/possible-duplicates/" + withSecond + "/resolve",
                Json.object("decision", "SAME"));

        assertThat(same.status()).isEqualTo(200);
        ApiClient.Response kept = ops.get("/api/waitlist/" + first);
        assertThat(kept.<Integer>json("$.signupCount")).isEqualTo(2);
        assertThat(kept.<List<String>>json("$.specialties")).containsExactly("cardiology", "oncology");
        assertThat(kept.<List<String>>json("$.possibleDuplicates[*].status")).containsExactlyInAnyOrder("CONFIRMED_SAME", "DISTINCT");
        assertThat(ops.get("/api/waitlist/" + second).<String>json("$.status")).isEqualTo("MERGED");
        assertThat(ops.post("/api/waitlist/possible-duplicates/" + withSecond + "/resolve",
                Json.object("decision", "DISTINCT")).status()).isEqualTo(409);
        assertThat(ops.post("/api/waitlist/possible-duplicates/" + withSecond + "/resolve", "{}").status()).isEqualTo(400);
        ops.post("/api/waitlist/dedupe-runs", "{}");
        assertThat(ops.get("/api/waitlist/" + first).<List<Object>>json("$.possibleDuplicates")).hasSize(2);
    }

    @Test
    void aLaterSignupOfAPersonMergedAsTheSameGoesToTheEntryTheyWereMergedInto() {
        String m = unique();
        signUp(port, signup("same-1-" + m + "@example.org", "Same Person " + m));
        signUp(port, with(signup("same-2-" + m + "@example.net", "SAME person " + m), "specialty", "cardiology"));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long kept = entryIdOf("same-1-" + m + "@example.org");
        long merged = entryIdOf("same-2-" + m + "@example.net");
        int pair = ops.get("/api/waitlist/" + kept).<Integer>json("$.possibleDuplicates[0].id");
        assertThat(ops.post("/api/waitlist/possible-duplicates/" + pair + "/resolve", Json.object("decision", "SAME"))
                .status()).isEqualTo(200);
        String laterEmail = " Same-2-" + m + "@EXAMPLE.net";

        signUp(port, with(signup(laterEmail, "Same Person " + m), "specialty", "neurology", "sourcePage", "how-we-verify",
                "preferredLanguage", "pt", "timeZone", "Asia/Tokyo"));
        ops.post("/api/waitlist/dedupe-runs", "{}");

        ApiClient.Response entry = ops.get("/api/waitlist/" + kept);
        assertThat(entry.<String>json("$.status")).isEqualTo("ACTIVE");
        assertThat(entry.<Integer>json("$.signupCount")).isEqualTo(3);
        assertThat(entry.<List<String>>json("$.specialties")).containsExactly("cardiology", "neurology", "oncology");
        assertThat(entry.<List<String>>json("$.sourcePages")).containsExactly("cancer-second-opinion-china", "how-we-verify");
        assertThat(entry.<String>json("$.preferredLanguage")).isEqualTo("pt");
        assertThat(entry.<String>json("$.timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(entry.<List<String>>json("$.signups[*].state")).containsExactly("CANONICAL", "DUPLICATE", "DUPLICATE");
        assertThat(entry.<Integer>json("$.signups[2].duplicateOf")).isEqualTo(entry.<Integer>json("$.signups[0].id"));
        assertThat(entry.<List<Integer>>json("$.merges[*].signupId")).contains(entry.<Integer>json("$.signups[2].id"));
        ApiClient.Response left = ops.get("/api/waitlist/" + merged);
        assertThat(left.<String>json("$.status")).isEqualTo("MERGED");
        assertThat(left.<Integer>json("$.signupCount")).isZero();
        assertThat(left.<List<String>>json("$.specialties")).containsExactly("cardiology");
        assertThat(left.<List<Object>>json("$.signups")).isEmpty();
    }

    @Test
    void aChainOfMergesLeavesEveryMergedEntryPointingAtTheLiveOne() {
        String m = unique();
        String name = "Chain Person " + m;
        // a signs up first under another name; c and b look alike, and b is merged into c
        signUp(port, signup("a-chain-" + m + "@example.org", "Other Person " + m));
        signUp(port, signup("chain-c-" + m + "@example.net", name));
        signUp(port, signup("chain-b-" + m + "@example.com", name));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long a = entryIdOf("a-chain-" + m + "@example.org");
        long c = entryIdOf("chain-c-" + m + "@example.net");
        long b = entryIdOf("chain-b-" + m + "@example.com");
        assertThat(ops.post("/api/waitlist/possible-duplicates/" + pairOf(c, b) + "/resolve", Json.object("decision", "SAME"))
                .status()).isEqualTo(200);
        // a signs up again under the same name: now a and c look alike, and c (holding b's sign-up) goes into a
        signUp(port, signup("a-chain-" + m + "@example.org", name));
        ops.post("/api/waitlist/dedupe-runs", "{}");
        assertThat(ops.post("/api/waitlist/possible-duplicates/" + pairOf(a, c) + "/resolve", Json.object("decision", "SAME"))
                .status()).isEqualTo(200);

        signUp(port, with(signup("chain-b-" + m + "@example.com", name), "specialty", "neurology"));
        ops.post("/api/waitlist/dedupe-runs", "{}");

        assertThat(jdbc.sql("select merged_into from waitlist_entry where id in (?, ?)").params(b, c).query(Long.class).list())
                .containsExactly(a, a);
        ApiClient.Response live = ops.get("/api/waitlist/" + a);
        assertThat(live.<Integer>json("$.signupCount")).isEqualTo(5);
        assertThat(live.<List<String>>json("$.specialties")).containsExactly("neurology", "oncology");
        assertThat(ops.post("/api/waitlist/" + a + "/erase", "{}").status()).isEqualTo(200);
        for (String table : List.of("waitlist_signup", "waitlist_entry")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where email like ?").param("%chain-%" + m + "%")
                    .query(Long.class).single()).as(table).isZero();
        }
    }

    private int pairOf(long entry, long other) {
        List<Map<String, Object>> pairs = TestUsers.signedIn(port, "OPS").get("/api/waitlist/" + entry)
                .json("$.possibleDuplicates");
        return pairs.stream().filter(p -> ((Number) p.get("otherEntryId")).longValue() == other)
                .map(p -> ((Number) p.get("id")).intValue()).findFirst().orElseThrow();
    }

    @Test
    void aMergeOfAnErasedPersonCannotBeUndone() {
        String m = unique();
        signUp(port, signup("erased-undo-" + m + "@example.org", "Erased Undo " + m));
        signUp(port, signup("Erased-Undo-" + m + "@example.org", "Erased Undo " + m));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long entryId = entryIdOf("erased-undo-" + m + "@example.org");
        long mergeId = ops.get("/api/waitlist/" + entryId).<Integer>json("$.merges[0].id");
        assertThat(ops.post("/api/waitlist/" + entryId + "/erase", "{}").status()).isEqualTo(200);

        ApiClient.Response undo = ops.post("/api/waitlist/merges/" + mergeId + "/undo", "{}");

        assertThat(undo.status()).isEqualTo(409);
        assertThat(undo.contentType()).startsWith("application/problem+json");
        assertThat(undo.<String>json("$.detail")).contains("erased");
        assertThat(jdbc.sql("select count(*) from waitlist_signup where entry_id = ?").param(entryId).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("select undone_at is null from waitlist_merge where id = ?").param(mergeId).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void aMergeWhoseSignupALaterMergeMovedCannotBeUndone() {
        String m = unique();
        signUp(port, signup("moved-first-" + m + "@example.org", "Moved Person " + m));
        signUp(port, signup("moved-" + m + "@example.net", "Moved Person " + m));
        signUp(port, signup("MOVED-" + m + "@example.net", "Moved Person " + m));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long first = entryIdOf("moved-first-" + m + "@example.org");
        long second = entryIdOf("moved-" + m + "@example.net");
        long mergeId = ops.get("/api/waitlist/" + second).<Integer>json("$.merges[0].id");
        int pair = ops.get("/api/waitlist/" + second).<Integer>json("$.possibleDuplicates[0].id");
        assertThat(ops.post("/api/waitlist/possible-duplicates/" + pair + "/resolve", Json.object("decision", "SAME"))
                .status()).isEqualTo(200);

        ApiClient.Response undo = ops.post("/api/waitlist/merges/" + mergeId + "/undo", "{}");

        assertThat(undo.status()).isEqualTo(409);
        assertThat(undo.contentType()).startsWith("application/problem+json");
        assertThat(undo.<String>json("$.detail")).contains("moved");
        assertThat(ops.get("/api/waitlist/" + first).<Integer>json("$.signupCount")).isEqualTo(3);
        assertThat(ops.get("/api/waitlist/" + second).<String>json("$.status")).isEqualTo("MERGED");
        assertThat(jdbc.sql("select undone_at is null from waitlist_merge where id = ?").param(mergeId).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void everyLookAtAPersonsRecordAndEveryExportIsAudited() {
        String m = unique();
        String email = "viewed-" + m + "@example.org";
        signUp(port, signup(email, "Viewed Person " + m));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long id = entryIdOf(email);

        ops.get("/api/waitlist/" + id);
        ops.get("/api/waitlist/" + id + "/export");

        List<String> actions = jdbc.sql("select action from audit_event where details->>'entryId' = ? order by id")
                .param(String.valueOf(id)).query(String.class).list();
        assertThat(actions).contains("PersonalDataViewed", "PersonalDataExported");
        assertThat(jdbc.sql("select count(*) from audit_event where details::text like ?").param("%" + email + "%")
                .query(Integer.class).single()).as("the audit log holds no sign-up's email").isZero();
    }

    @Test
    void exportHasEverythingAndErasureLeavesNoPersonalDataInAnyColumn() {
        String m = unique();
        String email = "erase-" + m + "@example.org";
        String name = "Erasable Person " + m;
        String message = "private health details " + m;
        signUp(port, with(signup(email, name), "message", message));
        signUp(port, with(signup(" Erase-" + m + "@example.org", name), "timeZone", "Asia/Tokyo"));
        // last in key order, where the dedupe job's restart position once kept the key (the email) itself
        signUp(port, signup("zzzz-twin-" + m + "@example.org", name));
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        ops.post("/api/waitlist/dedupe-runs", "{}");
        long id = entryIdOf(email);
        String ipHash = jdbc.sql("select client_ip_hash from waitlist_signup where email = ?").param(email).query(String.class).single();

        ApiClient.Response export = ops.get("/api/waitlist/" + id + "/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(export.body()).contains(email, name, message, "Asia/Tokyo");
        assertThat(export.<List<Object>>json("$.signups")).hasSize(2);

        ApiClient.Response erased = ops.post("/api/waitlist/" + id + "/erase", "{}");

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.<String>json("$.status")).isEqualTo("ERASED");
        String rows = jdbc.sql("""
                select string_agg(t::text, ' ') from (
                    select row_to_json(s)::text as t from waitlist_signup s where entry_id = :id
                    union all select row_to_json(e)::text from waitlist_entry e where id = :id
                    union all select row_to_json(g)::text from waitlist_merge g where entry_id = :id
                    union all select row_to_json(d)::text from waitlist_possible_duplicate d where entry_a = :id or entry_b = :id) x""")
                .param("id", id).query(String.class).single();
        assertThat(rows).isNotBlank().doesNotContainIgnoringCase("erase-" + m).doesNotContain(name.toLowerCase())
                .doesNotContain(name).doesNotContain(message).doesNotContain(ipHash).doesNotContain("Asia/Tokyo")
                .doesNotContain("Java-http-client");
        assertThat(jdbc.sql("select count(*) from waitlist_signup where entry_id = ?").param(id).query(Long.class).single())
                .isEqualTo(2);
        String jobMetadata = jdbc.sql("""
                select coalesce(string_agg(t, ' '), '') from (
                    -- contexts are serialized Java maps in Base64: decoded, their strings read as they are
                    select encode(decode(coalesce(serialized_context, short_context), 'base64'), 'escape') as t
                    from batch_step_execution_context
                    union all select encode(decode(coalesce(serialized_context, short_context), 'base64'), 'escape')
                    from batch_job_execution_context
                    union all select parameter_name || '=' || parameter_value from batch_job_execution_params) x""")
                .query(String.class).single();
        assertThat(jobMetadata).as("Spring Batch's tables, which erasure does not touch, hold none of it")
                .doesNotContainIgnoringCase("erase-" + m).doesNotContainIgnoringCase("twin-" + m).doesNotContain(name);
        assertThat(erased.<List<String>>json("$.specialties")).containsExactly("oncology");
        assertThat(erased.<String>json("$.country")).isEqualTo("PT");

        signUp(port, signup(email, name));
        ops.post("/api/waitlist/dedupe-runs", "{}");
        assertThat(entryIdOf(email)).isNotEqualTo(id);
    }

    private static List<String> emails(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json("$[*].email");
    }

    private long entryIdOf(String email) {
        return jdbc.sql("select entry_id from waitlist_signup where email = ? order by id desc limit 1").param(email)
                .query(Long.class).single();
    }
}
