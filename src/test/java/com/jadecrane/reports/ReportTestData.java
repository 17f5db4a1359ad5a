package com.jadecrane.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small waitlist, window and invitation history in one week of its own, far in the past, so
 * that the period's figures are exactly these rows whatever other tests wrote (tables are shared).
 *
 * <pre>
 * people  sign-ups in the week           seat (given on day 5)  invitation (sent day 5)
 * A       2 (second one merged, day 1)   CONFIRMED              delivered, ACCEPTED day 6
 * B       1 (name is a formula)          DECLINED               delivered, DECLINED day 6
 * C       1 merged (+1 the week before)  HELD                   bounced
 * D       1 not filed yet (NEW)          -                      -
 * E       0 (signed up before)           EXPIRED                delivered, EXPIRED and unsubscribed day 6
 * </pre>
 * One more merge of C was undone (not counted). The window starts on day 10 with 5 seats.
 */
final class ReportTestData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil\",\"x\")";

    final String marker = UUID.randomUUID().toString().substring(0, 8);
    /**
     * Each seed its own weeks, four apart (its rows reach three weeks back): picked at random they
     * sometimes met another test's rows and counted one sign-up too many. One database per test JVM.
     */
    private static final AtomicInteger SEEDS = new AtomicInteger();

    final LocalDate monday = LocalDate.of(2003, 1, 6).plusWeeks(4L * SEEDS.getAndIncrement());
    final ReportPeriod period = new ReportPeriod(monday, monday.plusDays(6));
    final String sourcePage = "report-test-" + marker;
    long windowId;
    /** Person A's entry: two sign-ups in the week, so every detail report of it holds A. */
    long personA;

    private final JdbcClient jdbc;

    ReportTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Expected funnel of the week: sign-ups ... unsubscribed, in {@code Funnel.LABELS} order. */
    static final List<Long> PERIOD_FUNNEL = List.of(5L, 4L, 2L, 4L, 4L, 3L, 1L, 1L, 1L, 1L, 1L);

    ReportTestData seed() {
        long a = person("a", "Ana Report", "PT", "pt", "oncology", at(0));
        personA = a;
        signup("a", "Ana Report", "PT", "pt", "oncology", at(1), a, "DUPLICATE", true);
        long b = person("b", FORMULA_NAME, "BR", "pt-BR", "lung-cancer", at(2));
        long c = person("c", "Chen Report", "SG", "en", "oncology", at(-3));
        long cMerged = signup("c", "Chen Report", "SG", "en", "oncology", at(3), c, "DUPLICATE", true);
        jdbc.sql("insert into waitlist_merge (entry_id, signup_id, merged_at, undone_at) values (?, ?, ?, ?)")
                .params(c, cMerged, at(3), at(4)).update();
        signup("d", "Dara Report", "DE", "de", "neurology", at(4), null, "NEW", false);
        long e = person("e", "Eve Report", "GB", "en", "oncology", at(-20));

        windowId = jdbc.sql("""
                insert into consultation_window (starts_at, ends_at, specialty, languages, capacity, status, coordinator)
                values (?, ?, 'oncology', '{en}', 5, 'OPEN', 'Coordinator Report') returning id""")
                .params(at(10), at(10).plusHours(3)).query(Long.class).single();
        invitation(allocation(a, "CONFIRMED"), a, "SENT", "delivered", at(5), null, "ACCEPTED", null);
        invitation(allocation(b, "DECLINED"), b, "SENT", "delivered", at(5), null, "DECLINED", null);
        invitation(allocation(c, "HELD"), c, "FAILED", "bounce", null, at(5), null, null);
        invitation(allocation(e, "EXPIRED"), e, "SENT", "delivered", at(5), null, "EXPIRED", at(6));
        return this;
    }

    String email(String who) {
        return who + "-" + marker + "@report-test.example";
    }

    /** Noon of a day of the week (negative: before it). */
    OffsetDateTime at(int day) {
        return monday.plusDays(day).atTime(12, 0).atZone(ZONE).toOffsetDateTime();
    }

    private long person(String who, String name, String country, String language, String specialty, OffsetDateTime at) {
        long signup = signup(who, name, country, language, specialty, at, null, "CANONICAL", false);
        long entry = jdbc.sql("""
                insert into waitlist_entry (identity_key, canonical_signup_id, queued_at, email, full_name, country,
                    preferred_language, preferences_at, specialties, source_pages)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(email(who), signup, at, email(who), name, country, language, at, new String[] { specialty },
                        new String[] { sourcePage })
                .query(Long.class).single();
        jdbc.sql("update waitlist_signup set entry_id = ? where id = ?").params(entry, signup).update();
        return entry;
    }

    private long signup(String who, String name, String country, String language, String specialty, OffsetDateTime at,
            Long entry, String state, boolean merged) {
        long id = jdbc.sql("""
                insert into waitlist_signup (received_at, email, full_name, country, preferred_language, time_zone,
                    specialty, source_page, consent_data_processing, consent_cross_border, consent_text_version,
                    consent_accepted_at, identity_key, state, entry_id)
                values (?, ?, ?, ?, ?, 'Europe/Lisbon', ?, ?, true, true, '2026-11', ?, ?, ?, ?) returning id""")
                .params(at, email(who), name, country, language, specialty, sourcePage, at, email(who), state, entry)
                .query(Long.class).single();
        if (merged) {
            jdbc.sql("insert into waitlist_merge (entry_id, signup_id, merged_at) values (?, ?, ?)").params(entry, id, at)
                    .update();
        }
        return id;
    }

    private long allocation(long entry, String status) {
        return jdbc.sql("""
                insert into window_allocation (entry_id, window_id, status, allocated_at, allocated_by)
                values (?, ?, ?, ?, 'report-test') returning id""")
                .params(entry, windowId, status, at(5)).query(Long.class).single();
    }

    private void invitation(long allocation, long entry, String status, String delivery, OffsetDateTime deliveredAt,
            OffsetDateTime bouncedAt, String response, OffsetDateTime unsubscribedAt) {
        jdbc.sql("""
                insert into invitation (allocation_id, entry_id, status, sent_at, delivery, delivered_at, bounced_at,
                    response, responded_at, unsubscribed_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(allocation, entry, status, at(5), delivery, deliveredAt, bouncedAt, response,
                        response == null ? null : at(6), unsubscribedAt, at(5))
                .update();
    }
}
