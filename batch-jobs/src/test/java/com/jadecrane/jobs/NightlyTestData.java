package com.jadecrane.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.Json;

/**
 * One nightly test's own data on the shared test database: a specialty nobody else uses, OPEN
 * windows for it, and people signing up for it through the public API (every other one twice,
 * typed differently), so the test can look at its own people whatever else the database holds.
 */
final class NightlyTestData {

    private final JdbcClient jdbc;
    private final int port;
    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final String specialty = "nightly-" + marker;

    NightlyTestData(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
        jdbc.sql("insert into specialty (code, name) values (?, ?)").params(specialty, "Nightly " + marker).update();
    }

    /** OPEN windows of this specialty two weeks ahead, 10:00 to 11:00 UTC (a fair hour in Lisbon). */
    void openWindows(int windows, int seatsEach) {
        Instant start = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
        for (int i = 0; i < windows; i++) {
            jdbc.sql("""
                    insert into consultation_window (starts_at, ends_at, specialty, languages, capacity, status)
                    values (?, ?, ?, '{en}', ?, 'OPEN')""")
                    .params(start.atOffset(ZoneOffset.UTC), start.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                            specialty, seatsEach)
                    .update();
        }
    }

    /** People sign up through the public API; every even-numbered one twice, the email typed differently. */
    void signUp(int people) {
        ApiClient publicSite = new ApiClient(port);
        for (int i = 0; i < people; i++) {
            String email = "nightly-" + marker + "-" + i + "@example.org";
            post(publicSite, email, i);
            if (i % 2 == 0) {
                post(publicSite, "  " + email.toUpperCase() + " ", i);
            }
        }
    }

    private void post(ApiClient publicSite, String email, int person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("fullName", "Nightly Person " + person);
        body.put("country", "PT");
        body.put("preferredLanguage", "en");
        body.put("timeZone", "Europe/Lisbon");
        body.put("specialty", specialty);
        body.put("sourcePage", "cancer-second-opinion-china");
        body.put("consent", Map.of("dataProcessing", true, "crossBorderTransfer", true, "marketing", false));
        ApiClient.Response response = publicSite.post("/api/public/waitlist", Json.write(body));
        if (response.status() != 202) {
            throw new AssertionError("Sign-up refused: " + response);
        }
    }

    /** This test's people: one row per waitlist entry, with its seat and invitation if any. */
    List<Person> people() {
        return jdbc.sql("""
                select e.id, e.signup_count, a.id as allocation_id, a.status as allocation_status,
                       i.id as invitation_id, i.status as invitation_status, i.sendgrid_message_id
                from waitlist_entry e
                left join window_allocation a on a.entry_id = e.id
                left join invitation i on i.allocation_id = a.id
                where e.identity_key like ? order by e.id""")
                .param("nightly-" + marker + "-%")
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getInt("signup_count"), rs.getObject("allocation_id", Long.class),
                        rs.getString("allocation_status"), rs.getObject("invitation_id", Long.class),
                        rs.getString("invitation_status"), rs.getString("sendgrid_message_id")))
                .list();
    }

    /** Sign-ups of this test's people not filed yet. */
    long newSignups() {
        return jdbc.sql("select count(*) from waitlist_signup where identity_key like ? and state = 'NEW'")
                .param("nightly-" + marker + "-%").query(Long.class).single();
    }

    record Person(long entryId, int signups, Long allocationId, String allocationStatus, Long invitationId,
            String invitationStatus, String messageId) {
    }
}
