package com.jadecrane.invitations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.Json;

/**
 * Rows for the invitation tests, written straight into the shared test database: a specialty,
 * window, waitlist entry and HELD allocation of their own per invitation.
 */
final class InvitationTestData {

    private final JdbcClient jdbc;

    InvitationTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A HELD allocation of a fresh person to a window starting in two weeks. */
    Seat heldSeat() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String specialty = "invite-" + marker;
        jdbc.sql("insert into specialty (code, name) values (?, ?)").params(specialty, "Specialty " + marker).update();
        Instant start = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long window = jdbc.sql("""
                insert into consultation_window (starts_at, ends_at, specialty, languages, capacity, status)
                values (?, ?, ?, '{en}', 5, 'OPEN') returning id""")
                .params(start.atOffset(ZoneOffset.UTC), start.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), specialty)
                .query(Long.class).single();
        String email = "invitee-" + marker + "@example.org";
        long signup = jdbc.sql("""
                insert into waitlist_signup (received_at, email, full_name, country, preferred_language, time_zone, specialty,
                    consent_data_processing, consent_cross_border, consent_text_version, consent_accepted_at, identity_key, state)
                values (now(), ?, ?, 'PT', 'en', 'Europe/Lisbon', ?, true, true, '2026-11', now(), ?, 'CANONICAL') returning id""")
                .params(email, "Ana " + marker, specialty, email).query(Long.class).single();
        long entry = jdbc.sql("""
                insert into waitlist_entry (identity_key, canonical_signup_id, queued_at, email, full_name, country,
                    preferred_language, time_zone, preferences_at, specialties)
                values (?, ?, now(), ?, ?, 'PT', 'en', 'Europe/Lisbon', now(), ?) returning id""")
                .params(email, signup, email, "Ana " + marker, new String[] { specialty }).query(Long.class).single();
        jdbc.sql("update waitlist_signup set entry_id = ? where id = ?").params(entry, signup).update();
        long allocation = jdbc.sql("insert into window_allocation (entry_id, window_id, allocated_by) values (?, ?, 'test') returning id")
                .params(entry, window).query(Long.class).single();
        return new Seat(allocation, entry, window, email, "Ana " + marker, specialty);
    }

    /** A PENDING invitation for a fresh HELD seat. */
    Seat pendingInvitation() {
        Seat seat = heldSeat();
        long id = jdbc.sql("insert into invitation (allocation_id, entry_id) values (?, ?) returning id")
                .params(seat.allocationId(), seat.entryId()).query(Long.class).single();
        return seat.withInvitation(id);
    }

    String status(long invitationId) {
        return jdbc.sql("select status from invitation where id = ?").param(invitationId).query(String.class).single();
    }

    Long invitationOf(long allocationId) {
        return jdbc.sql("select id from invitation where allocation_id = ?").param(allocationId).query(Long.class)
                .optional().orElse(null);
    }

    String allocationStatus(long allocationId) {
        return jdbc.sql("select status from window_allocation where id = ?").param(allocationId).query(String.class).single();
    }

    Instant holdExpiresAt(long allocationId) {
        return jdbc.sql("select hold_expires_at from window_allocation where id = ?").param(allocationId)
                .query(java.time.OffsetDateTime.class).optional().map(java.time.OffsetDateTime::toInstant).orElse(null);
    }

    /** Mails the outbox holds for this invitation (the outbox is the stand-in when no key is set). */
    int outboxMails(long invitationId) {
        return jdbc.sql("select count(*) from mail_outbox where custom_args ->> 'invitationId' = ?")
                .param(Long.toString(invitationId)).query(Integer.class).single();
    }

    /** A SendGrid delivery event of the seat's invitation mail (JSON array of one), as the webhook receives it. */
    static String deliveryEvent(String type, Seat seat, String reason) {
        Map<String, Object> event = new HashMap<>(Map.of("sg_event_id", UUID.randomUUID().toString(), "event", type,
                "email", seat.email(), "timestamp", Instant.now().getEpochSecond(),
                "sg_message_id", "msg-" + seat.invitationId() + ".filter0001", "invitationId",
                Long.toString(seat.invitationId())));
        if (reason != null) {
            event.put("reason", reason);
        }
        return Json.write(List.of(event));
    }

    record Seat(long allocationId, long entryId, long windowId, String email, String name, String specialty,
            long invitationId) {

        Seat(long allocationId, long entryId, long windowId, String email, String name, String specialty) {
            this(allocationId, entryId, windowId, email, name, specialty, 0);
        }

        Seat withInvitation(long id) {
            return new Seat(allocationId, entryId, windowId, email, name, specialty, id);
        }
    }
}
