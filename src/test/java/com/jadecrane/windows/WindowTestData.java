package com.jadecrane.windows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows for the windows tests, written straight into the shared test database. Each test files its
 * entries and windows under a specialty of its own, so other tests' data never fits its windows.
 */
final class WindowTestData {

    private final JdbcClient jdbc;

    WindowTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh active specialty nobody else uses. */
    String specialty() {
        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into specialty (code, name) values (?, ?)").params(code, "Test " + code).update();
        return code;
    }

    /** An ACTIVE, canonical waitlist entry (with its one sign-up) queued at {@code queuedAt}. */
    long entry(Instant queuedAt, String language, String timeZone, String... specialties) {
        String key = "window-test-" + UUID.randomUUID() + "@example.org";
        OffsetDateTime at = queuedAt.atOffset(ZoneOffset.UTC);
        long signup = jdbc.sql("""
                insert into waitlist_signup (received_at, email, full_name, country, preferred_language, time_zone, specialty,
                    consent_data_processing, consent_cross_border, consent_text_version, consent_accepted_at, identity_key, state)
                values (?, ?, ?, 'PT', ?, ?, ?, true, true, '2026-11', ?, ?, 'CANONICAL') returning id""")
                .params(at, key, "Person " + key.substring(12, 20), language, timeZone, specialties[0], at, key)
                .query(Long.class).single();
        long entry = jdbc.sql("""
                insert into waitlist_entry (identity_key, canonical_signup_id, queued_at, email, full_name, country,
                    preferred_language, time_zone, preferences_at, specialties)
                values (?, ?, ?, ?, ?, 'PT', ?, ?, ?, ?) returning id""")
                .params(key, signup, at, key, "Person " + key.substring(12, 20), language, timeZone, at, specialties)
                .query(Long.class).single();
        jdbc.sql("update waitlist_signup set entry_id = ? where id = ?").params(entry, signup).update();
        return entry;
    }

    long window(Instant startsAt, Instant endsAt, String specialty, int capacity, boolean interpreter, String... languages) {
        return window(startsAt, endsAt, specialty, capacity, "OPEN", interpreter, languages);
    }

    long window(Instant startsAt, Instant endsAt, String specialty, int capacity, String status, boolean interpreter,
            String... languages) {
        return jdbc.sql("""
                insert into consultation_window (starts_at, ends_at, specialty, languages, interpreter_available, capacity, status)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(startsAt.atOffset(ZoneOffset.UTC), endsAt.atOffset(ZoneOffset.UTC), specialty, languages, interpreter,
                        capacity, status)
                .query(Long.class).single();
    }

    int seatsTaken(long windowId) {
        return jdbc.sql("select seats_taken from consultation_window where id = ?").param(windowId).query(Integer.class).single();
    }

    /** The window of the entry's seat (HELD or CONFIRMED), or null. */
    Long seatOf(long entryId) {
        return jdbc.sql("select window_id from window_allocation where entry_id = ? and status in ('HELD', 'CONFIRMED')")
                .param(entryId).query(Long.class).optional().orElse(null);
    }

    Long allocationOf(long entryId) {
        return jdbc.sql("select id from window_allocation where entry_id = ? and status in ('HELD', 'CONFIRMED')")
                .param(entryId).query(Long.class).optional().orElse(null);
    }

    /** What run {@code executionId} decided for the entry: a window id, or the reason. */
    String outcome(long executionId, long entryId) {
        return jdbc.sql("""
                select coalesce(cast(window_id as text), reason) from allocation_outcome
                where job_execution_id = ? and entry_id = ?""").params(executionId, entryId).query(String.class)
                .optional().orElse(null);
    }
}
