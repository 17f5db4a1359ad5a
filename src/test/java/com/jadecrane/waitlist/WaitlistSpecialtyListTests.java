package com.jadecrane.waitlist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list filtered by a specialty and a country reads {@code waitlist_entry_specialty}, which the
 * database keeps beside the entries: its pages and counts must be those of the entries' own
 * specialties, and it must follow every kind of change to an entry.
 */
@IntegrationTest
class WaitlistSpecialtyListTests {

    private static final String[] COUNTRIES = { "DE", "DE", "DE", "FR", "KZ" };

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String common;
    private String rare;
    private ApiClient ops;

    @BeforeEach
    void specialtiesOfThisTest() {
        // specialties no other test files under, so the shared database's other entries never match
        String m = unique();
        common = "common-" + m;
        rare = "rare-" + m;
        ops = TestUsers.signedIn(port, "OPS");
    }

    @Test
    void pagesAndCountsAreThoseOfTheEntriesThatCarryTheSpecialty() {
        insertEntries(3_000, 42);

        for (String country : List.of("DE", "FR", "KZ")) {
            for (String specialty : List.of(common, rare)) {
                for (String direction : List.of("asc", "desc")) {
                    for (int page : List.of(0, 3)) {
                        assertPageMatches(specialty, country, null, direction, page);
                    }
                }
                assertPageMatches(specialty, country, "MERGED", "asc", 0);
                assertPageMatches(specialty, country, "ERASED", "desc", 1);
            }
        }
    }

    @Test
    void theSpecialtyRowsFollowEveryChangeToAnEntry() {
        insertEntries(300, 7);
        List<Long> ids = jdbc.sql("select id from waitlist_entry where ? = any(specialties) order by id").param(common)
                .query(Long.class).list();

        jdbc.sql("update waitlist_entry set status = 'MERGED' where id in (:ids)").param("ids", ids.subList(0, 20)).update();
        jdbc.sql("update waitlist_entry set specialties = array[cast(:rare as text)] where id in (:ids)")
                .param("rare", rare).param("ids", ids.subList(20, 40)).update();
        jdbc.sql("update waitlist_entry set specialties = specialties || cast(:rare as text) where id in (:ids)")
                .param("rare", rare).param("ids", ids.subList(40, 60)).update();
        jdbc.sql("update waitlist_entry set country = 'FR' where id in (:ids)").param("ids", ids.subList(60, 80)).update();
        jdbc.sql("update waitlist_entry set country = null where id in (:ids)").param("ids", ids.subList(80, 90)).update();
        jdbc.sql("update waitlist_entry set queued_at = queued_at - interval '400 days' where id in (:ids)")
                .param("ids", ids.subList(90, 100)).update();
        jdbc.sql("update waitlist_entry set full_name = 'Renamed', version = version + 1 where id in (:ids)")
                .param("ids", ids.subList(100, 120)).update();
        jdbc.sql("delete from waitlist_entry where id in (:ids)").param("ids", ids.subList(120, 130)).update();

        assertThat(specialtyRows()).containsExactlyInAnyOrderElementsOf(expectedSpecialtyRows());
        for (String country : List.of("DE", "FR", "KZ")) {
            assertPageMatches(common, country, null, "asc", 0);
            assertPageMatches(rare, country, "MERGED", "desc", 0);
        }
    }

    /**
     * Entries of this test in three countries (one large), each under the common specialty, the rare
     * one, or both, listed or MERGED, queued over a year with ties in queue time. Listed ones are
     * ERASED, so that the allocation tests sharing the database never offer them a seat.
     */
    private void insertEntries(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String m = unique();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long signupId = jdbc.sql("""
                insert into waitlist_signup (email, consent_data_processing, consent_cross_border, consent_text_version,
                    consent_accepted_at, identity_key, state)
                values (?, true, true, 'test', now(), ?, 'CANONICAL') returning id""")
                .params(m + "@example.org", m + "@example.org").query(Long.class).single();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            String[] specialties = kind < 7 ? new String[] { common } : kind < 9 ? new String[] { rare }
                    : new String[] { common, rare };
            String status = random.nextInt(8) == 0 ? "MERGED" : "ERASED";
            Timestamp queuedAt = Timestamp.from(start.plusSeconds(3_600L * random.nextInt(24 * 365)));
            jdbc.sql("""
                    insert into waitlist_entry (identity_key, canonical_signup_id, queued_at, preferences_at, email,
                        full_name, country, specialties, status)
                    values (:key, :signupId, :queuedAt, :queuedAt, :key, :name, :country, :specialties, :status)""")
                    .param("key", "specialty-list-" + m + "-" + i + "@example.org").param("signupId", signupId)
                    .param("queuedAt", queuedAt)
                    .param("name", "Person " + i).param("country", COUNTRIES[random.nextInt(COUNTRIES.length)])
                    .param("specialties", specialties).param("status", status).update();
        }
    }

    private void assertPageMatches(String specialty, String country, String status, String direction, int page) {
        ApiClient.Response response = ops.get("/api/waitlist?specialty=" + specialty + "&country=" + country
                + (status == null ? "" : "&status=" + status) + "&sort=queuedAt," + direction + "&size=50&page=" + page);
        String statusCondition = status == null ? "status <> 'MERGED'" : "status = :status";
        List<Long> expected = jdbc.sql("select id from waitlist_entry where specialties @> array[cast(:specialty as text)]"
                + " and country = :country and " + statusCondition + " order by queued_at " + direction + ", id" // ties: id ascending, as the API
                + " limit 50 offset :offset").param("specialty", specialty).param("country", country)
                .param("status", status).param("offset", page * 50).query(Long.class).list();
        long matching = jdbc.sql("select count(*) from waitlist_entry where specialties @> array[cast(:specialty as text)]"
                + " and country = :country and " + statusCondition).param("specialty", specialty).param("country", country)
                .param("status", status).query(Long.class).single();
        long countedUpTo = page * 50L + WaitlistQueries.COUNTED_AHEAD;

        String call = specialty + " " + country + " " + status + " " + direction + " page " + page;
        assertThat(response.status()).as(call).isEqualTo(200);
        assertThat(response.<List<Number>>json("$[*].id").stream().map(Number::longValue).toList()).as(call)
                .isEqualTo(expected);
        assertThat(response.header("X-Total-Count")).as(call).contains(Long.toString(Math.min(matching, countedUpTo)));
        assertThat(response.header("X-Total-Count-Exact").isEmpty()).as(call).isEqualTo(matching <= countedUpTo);
    }

    private List<String> specialtyRows() {
        return jdbc.sql("""
                select specialty || ' ' || country || ' ' || queued_at || ' ' || entry_id || ' ' || status
                from waitlist_entry_specialty where specialty in (:specialties)""")
                .param("specialties", List.of(common, rare)).query(String.class).list();
    }

    /** What the specialty rows must be: one per specialty of every entry that has a country. */
    private List<String> expectedSpecialtyRows() {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                select s.specialty || ' ' || e.country || ' ' || e.queued_at || ' ' || e.id || ' ' || e.status
                from waitlist_entry e cross join lateral unnest(e.specialties) as s (specialty)
                where s.specialty in (:specialties) and e.country is not null""")
                .param("specialties", List.of(common, rare)).query(String.class).list());
        assertThat(rows).as("entries of this test after the changes").hasSizeGreaterThan(200);
        return rows;
    }
}
