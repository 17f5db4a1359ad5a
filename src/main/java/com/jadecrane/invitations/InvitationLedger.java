package com.jadecrane.invitations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.invitations.InvitationTokens.LinkTokens;

/**
 * The {@code invitation} table. Each status change is one statement that names the status it
 * expects, so a row is claimed for sending by one thread of one run only.
 */
@Repository
class InvitationLedger {

    /**
     * The invitations with the person and the window of their seat, for the send step's reader
     * (a subquery, so the paging reader can sort on a plain {@code id}).
     */
    static final String WITH_RECIPIENT = """
            (select i.id, i.status, i.allocation_id, i.entry_id, e.email, e.full_name, e.time_zone,
                    w.starts_at, w.time_zone as window_time_zone, s.name as specialty, h.name as hospital,
                    a.hold_expires_at, a.status as allocation_status
             from invitation i
             join window_allocation a on a.id = i.allocation_id
             join consultation_window w on w.id = a.window_id
             join specialty s on s.code = w.specialty
             join waitlist_entry e on e.id = i.entry_id
             left join hospital h on h.id = w.hospital_id) recipient""";

    static final RowMapper<PendingInvitation> RECIPIENT = (rs, n) -> new PendingInvitation(rs.getLong("id"),
            rs.getLong("allocation_id"), rs.getLong("entry_id"), rs.getString("email"), rs.getString("full_name"),
            rs.getString("time_zone"), instant(rs.getObject("starts_at", OffsetDateTime.class)),
            rs.getString("window_time_zone"), rs.getString("specialty"), rs.getString("hospital"),
            instant(rs.getObject("hold_expires_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    InvitationLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A PENDING invitation, in queue order, for every HELD allocation that has none yet. */
    int queueHeldAllocations() {
        return jdbc.sql("""
                insert into invitation (allocation_id, entry_id)
                select a.id, a.entry_id from window_allocation a join waitlist_entry e on e.id = a.entry_id
                where a.status = 'HELD' and not exists (select 1 from invitation i where i.allocation_id = a.id)
                order by e.queued_at, e.id
                on conflict (allocation_id) do nothing""").update();
    }

    /** How many emails a run would send now: new allocations plus invitations still PENDING. */
    long wouldSend() {
        return jdbc.sql("""
                select (select count(*) from window_allocation a
                        where a.status = 'HELD' and not exists (select 1 from invitation i where i.allocation_id = a.id))
                     + (select count(*) from invitation i join window_allocation a on a.id = i.allocation_id
                        where i.status = 'PENDING' and a.status = 'HELD')""").query(Long.class).single();
    }

    long pendingToSend() {
        return jdbc.sql("""
                select count(*) from invitation i join window_allocation a on a.id = i.allocation_id
                where i.status = 'PENDING' and a.status = 'HELD'""").query(Long.class).single();
    }

    long interruptedSends() {
        return jdbc.sql("select count(*) from invitation where status = 'SENDING'").query(Long.class).single();
    }

    /**
     * Rows a previous run left SENDING: SendGrid may or may not have the mail, so they are never
     * sent again by the job.
     */
    int markInterruptedSendsUnconfirmed() {
        return jdbc.sql("""
                update invitation set status = 'UNCONFIRMED', updated_at = now(), version = version + 1,
                    failure_reason = 'the run sending it was interrupted: SendGrid may or may not have it'
                where status = 'SENDING'""").update();
    }

    Optional<PendingInvitation> recipient(long id) {
        return jdbc.sql("select * from " + WITH_RECIPIENT + " where id = ?").param(id).query(RECIPIENT).optional();
    }

    /**
     * Marks the row SENDING with the hashes of its new link tokens, if it is still in one of
     * {@code from} (committed on its own before the mail goes out).
     */
    boolean claim(long id, List<String> from, LinkTokens tokens, Instant replyDeadline, Instant unsubscribeExpiresAt) {
        return jdbc.sql("""
                update invitation set status = 'SENDING', attempts = attempts + 1, sending_started_at = now(),
                    failure_reason = null, failure_transient = false, reply_deadline = :deadline,
                    accept_token_hash = :accept, decline_token_hash = :decline, unsubscribe_token_hash = :unsubscribe,
                    unsubscribe_expires_at = :unsubscribeExpires, updated_at = now(), version = version + 1
                where id = :id and status in (:from)""")
                .param("deadline", utc(replyDeadline)).param("accept", InvitationTokens.hash(tokens.accept()))
                .param("decline", InvitationTokens.hash(tokens.decline()))
                .param("unsubscribe", InvitationTokens.hash(tokens.unsubscribe()))
                .param("unsubscribeExpires", utc(unsubscribeExpiresAt)).param("id", id).param("from", from)
                .update() == 1;
    }

    void sent(long id, String messageId, Instant sentAt) {
        finish(id, "SENT", """
                sendgrid_message_id = :detail, sent_at = :at""", messageId, sentAt, false);
    }

    void failed(long id, String reason, boolean transientFailure) {
        finish(id, "FAILED", "failure_reason = :detail", reason, null, transientFailure);
    }

    void unconfirmed(long id, String reason) {
        finish(id, "UNCONFIRMED", "failure_reason = :detail", reason, null, false);
    }

    void suppressed(long id, String reason) {
        finish(id, "SUPPRESSED", "failure_reason = :detail", reason, null, false);
    }

    /** Nothing was sent and it may work later: the next run tries again. */
    void backToPending(long id, String reason) {
        finish(id, "PENDING", "failure_reason = :detail", reason, null, false);
    }

    private void finish(long id, String status, String set, String detail, Instant at, boolean transientFailure) {
        jdbc.sql("update invitation set status = :status, " + set + """
                , failure_transient = :transient, updated_at = now(), version = version + 1
                where id = :id and status = 'SENDING'""")
                .param("status", status).param("detail", detail).param("at", utc(at)).param("transient", transientFailure)
                .param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
