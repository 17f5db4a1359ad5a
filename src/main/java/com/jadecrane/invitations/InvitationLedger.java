package com.jadecrane.invitations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.invitations.InvitationTokens.LinkTokens;

/**
 * The {@code invitation} table. Each status change is one statement that names the status it
 * expects, so a row is claimed for sending by one thread of one run only; the send step claims and
 * records a chunk's rows in one set-based statement each (arrays unnested).
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

    /** New rows that make the planner's statistics of the table stale enough to matter. */
    private static final int ANALYZE_AFTER = 10_000;

    private final JdbcClient jdbc;

    InvitationLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A PENDING invitation, in queue order, for every HELD allocation that has none yet. The table
     * is analyzed after a large insert: the send step's page query plans on its statistics, and
     * without fresh ones it joins every allocation and person for each page.
     */
    int queueHeldAllocations() {
        int queued = jdbc.sql("""
                insert into invitation (allocation_id, entry_id)
                select a.id, a.entry_id from window_allocation a join waitlist_entry e on e.id = a.entry_id
                where a.status = 'HELD' and not exists (select 1 from invitation i where i.allocation_id = a.id)
                order by e.queued_at, e.id
                on conflict (allocation_id) do nothing""").update();
        if (queued >= ANALYZE_AFTER) {
            jdbc.sql("analyze invitation").update();
        }
        return queued;
    }

    /**
     * PENDING invitations whose seat is no longer held (declined, expired or released before the
     * mail went out) become CANCELLED with the reason: nobody can take that seat any more.
     *
     * @param allocationId that allocation's invitation only; null: all of them
     */
    int cancelPendingOfReleasedSeats(Long allocationId) {
        return jdbc.sql("""
                update invitation i set status = 'CANCELLED', updated_at = now(), version = i.version + 1,
                    failure_reason = 'the seat was ' || lower(a.status) || ' before the invitation was sent'
                        || coalesce(' (' || a.release_reason || ')', '')
                from window_allocation a
                where a.id = i.allocation_id and i.status = 'PENDING' and a.status in ('DECLINED', 'EXPIRED', 'RELEASED')
                  and (cast(:allocation as bigint) is null or i.allocation_id = :allocation)""")
                .param("allocation", allocationId).update();
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
     * Marks the rows SENDING with the hashes of their new link tokens, those still in one of
     * {@code from}, in one statement (the caller commits it before any mail goes out).
     *
     * @return per claim, in order, whether this call claimed it (a row listed twice is claimed once)
     */
    boolean[] claim(List<Claim> claims, List<String> from, Instant unsubscribeExpiresAt) {
        Map<Long, Claim> firsts = new LinkedHashMap<>();
        claims.forEach(claim -> firsts.putIfAbsent(claim.id(), claim));
        Set<Long> claimed = new HashSet<>(jdbc.sql("""
                update invitation i set status = 'SENDING', attempts = i.attempts + 1, sending_started_at = now(),
                    failure_reason = null, failure_transient = false, reply_deadline = c.deadline,
                    accept_token_hash = c.accept, decline_token_hash = c.decline, unsubscribe_token_hash = c.unsubscribe,
                    unsubscribe_expires_at = :unsubscribeExpires, updated_at = now(), version = i.version + 1
                from unnest(cast(:ids as bigint[]), cast(:deadlines as timestamptz[]), cast(:accepts as bytea[]),
                            cast(:declines as bytea[]), cast(:unsubscribes as bytea[])) c (id, deadline, accept, decline, unsubscribe)
                where i.id = c.id and i.status in (:from)
                returning i.id""")
                .param("ids", firsts.keySet().toArray(Long[]::new))
                .param("deadlines", firsts.values().stream().map(claim -> timestamp(claim.replyDeadline())).toArray(String[]::new))
                .param("accepts", hashes(firsts.values(), LinkTokens::accept))
                .param("declines", hashes(firsts.values(), LinkTokens::decline))
                .param("unsubscribes", hashes(firsts.values(), LinkTokens::unsubscribe))
                .param("unsubscribeExpires", utc(unsubscribeExpiresAt)).param("from", from)
                .query(Long.class).list());
        boolean[] claimedHere = new boolean[claims.size()];
        for (int i = 0; i < claims.size(); i++) {
            claimedHere[i] = firsts.get(claims.get(i).id()) == claims.get(i) && claimed.contains(claims.get(i).id());
        }
        return claimedHere;
    }

    boolean claim(long id, List<String> from, LinkTokens tokens, Instant replyDeadline, Instant unsubscribeExpiresAt) {
        return claim(List.of(new Claim(id, tokens, replyDeadline)), from, unsubscribeExpiresAt)[0];
    }

    /** Writes down what became of claimed (SENDING) rows, in one statement. */
    void record(List<Outcome> outcomes) {
        jdbc.sql("""
                update invitation i set status = o.status, sendgrid_message_id = coalesce(o.message_id, i.sendgrid_message_id),
                    sent_at = coalesce(o.sent_at, i.sent_at), failure_reason = o.reason, failure_transient = o.transient,
                    updated_at = now(), version = i.version + 1
                from unnest(cast(:ids as bigint[]), cast(:statuses as text[]), cast(:messageIds as text[]),
                            cast(:sentAts as timestamptz[]), cast(:reasons as text[]), cast(:transients as boolean[]))
                     o (id, status, message_id, sent_at, reason, transient)
                where i.id = o.id and i.status = 'SENDING'""")
                .param("ids", outcomes.stream().map(Outcome::id).toArray(Long[]::new))
                .param("statuses", outcomes.stream().map(Outcome::status).toArray(String[]::new))
                .param("messageIds", outcomes.stream().map(Outcome::messageId).toArray(String[]::new))
                .param("sentAts", outcomes.stream().map(outcome -> timestamp(outcome.sentAt())).toArray(String[]::new))
                .param("reasons", outcomes.stream().map(Outcome::reason).toArray(String[]::new))
                .param("transients", outcomes.stream().map(Outcome::transientFailure).toArray(Boolean[]::new))
                .update();
    }

    void sent(long id, String messageId, Instant sentAt) {
        record(List.of(Outcome.sent(id, messageId, sentAt)));
    }

    void unconfirmed(long id, String reason) {
        record(List.of(Outcome.ended(id, "UNCONFIRMED", reason, false)));
    }

    /** A row to claim: its id, the tokens of the links in its mail and the deadline the mail names. */
    record Claim(long id, LinkTokens tokens, Instant replyDeadline) {
    }

    /** What became of a claimed row: SENT with SendGrid's message id, or another status with the reason. */
    record Outcome(long id, String status, String messageId, Instant sentAt, String reason, boolean transientFailure) {

        static Outcome sent(long id, String messageId, Instant sentAt) {
            return new Outcome(id, "SENT", messageId, sentAt, null, false);
        }

        /** FAILED, UNCONFIRMED, SUPPRESSED, or back to PENDING when nothing was sent and it may work later. */
        static Outcome ended(long id, String status, String reason, boolean transientFailure) {
            return new Outcome(id, status, null, null, reason, transientFailure);
        }
    }

    private static byte[][] hashes(Collection<Claim> claims, Function<LinkTokens, String> token) {
        return claims.stream().map(claim -> InvitationTokens.hash(token.apply(claim.tokens()))).toArray(byte[][]::new);
    }

    /** A timestamp array element: PostgreSQL reads ISO-8601 instants. */
    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
