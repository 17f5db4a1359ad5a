package com.jadecrane.invitations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.mail.Suppressions;
import com.jadecrane.windows.SeatHolds;

/**
 * What the links of an invitation email do. A token is found by its sha-256 only; it answers the
 * invitation once (accepting or declining uses both answer links), and not after the deadline.
 */
@Service
class InvitationResponses {

    enum Action {
        ACCEPT, DECLINE
    }

    /** What a person sees behind an answer link (no email address: anyone holding the link sees it). */
    record InvitationLink(Action action, Instant windowStartsAt, String windowTimeZone, String specialty,
            String hospital, Instant replyDeadline) {
    }

    private record Found(long id, long allocationId, long entryId, String response, Instant replyDeadline,
            Action action) {
    }

    private final JdbcClient jdbc;
    private final SeatHolds seatHolds;
    private final Suppressions suppressions;
    private final ApplicationEventPublisher events;

    InvitationResponses(JdbcClient jdbc, SeatHolds seatHolds, Suppressions suppressions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.seatHolds = seatHolds;
        this.suppressions = suppressions;
        this.events = events;
    }

    @Transactional(readOnly = true)
    InvitationLink describe(String token) {
        Found found = usable(find(token, false));
        return jdbc.sql("""
                select w.starts_at, w.time_zone, s.name as specialty, h.name as hospital
                from window_allocation a join consultation_window w on w.id = a.window_id
                join specialty s on s.code = w.specialty left join hospital h on h.id = w.hospital_id
                where a.id = ?""").param(found.allocationId())
                .query((rs, n) -> new InvitationLink(found.action(), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getString("time_zone"), rs.getString("specialty"), rs.getString("hospital"),
                        found.replyDeadline()))
                .single();
    }

    /** Accepts (the seat is confirmed) or declines (the seat is released) with that action's token. */
    @Transactional
    Action answer(String token, Action action) {
        Found found = usable(find(token, true));
        if (found.action() != action) {
            throw InvitationLinkUnusable.unknown();
        }
        if (action == Action.ACCEPT) {
            seatHolds.accept(found.allocationId());
        }
        else {
            seatHolds.decline(found.allocationId());
        }
        String response = action == Action.ACCEPT ? "ACCEPTED" : "DECLINED";
        jdbc.sql("""
                update invitation set response = ?, responded_at = now(), updated_at = now(), version = version + 1
                where id = ?""").params(response, found.id()).update();
        events.publishEvent(new InvitationAnswered(found.id(), found.allocationId(), found.entryId(), response));
        return action;
    }

    /** RFC 8058 one-click unsubscribe: the person's address is suppressed for good. */
    @Transactional
    void unsubscribe(String token) {
        Map<String, Object> row = unsubscribeRow(token, true);
        long id = (Long) row.get("id");
        if (row.get("email") != null) {
            suppressions.suppress((String) row.get("email"), Suppressions.Reason.UNSUBSCRIBED,
                    "unsubscribe link of invitation " + id, "invitation-link");
        }
        jdbc.sql("""
                update invitation set unsubscribe_used_at = now(), unsubscribed_at = coalesce(unsubscribed_at, now()),
                    updated_at = now(), version = version + 1
                where id = ?""").param(id).update();
        events.publishEvent(new UnsubscribedFromInvitation(id, (Long) row.get("entry_id")));
    }

    /** Fails as {@link #unsubscribe} would, for the page that asks before acting. */
    @Transactional(readOnly = true)
    void checkUnsubscribe(String token) {
        unsubscribeRow(token, false);
    }

    private Map<String, Object> unsubscribeRow(String token, boolean forUpdate) {
        Map<String, Object> row = jdbc.sql("""
                select i.id, i.entry_id, i.unsubscribe_used_at, i.unsubscribe_expires_at, e.email
                from invitation i left join waitlist_entry e on e.id = i.entry_id
                where i.unsubscribe_token_hash = ?""" + (forUpdate ? " for update of i" : ""))
                .param(InvitationTokens.hash(token)).query().listOfRows().stream().findFirst()
                .orElseThrow(InvitationLinkUnusable::unknown);
        if (row.get("unsubscribe_used_at") != null) {
            throw InvitationLinkUnusable.used();
        }
        if (!((java.sql.Timestamp) row.get("unsubscribe_expires_at")).toInstant().isAfter(Instant.now())) {
            throw InvitationLinkUnusable.expired();
        }
        return row;
    }

    private Found find(String token, boolean forUpdate) {
        byte[] hash = InvitationTokens.hash(token);
        return jdbc.sql("""
                select id, allocation_id, entry_id, response, reply_deadline,
                       case when accept_token_hash = :hash then 'ACCEPT' else 'DECLINE' end as action
                from invitation where accept_token_hash = :hash or decline_token_hash = :hash""" + (forUpdate ? " for update" : ""))
                .param("hash", hash)
                .query((rs, n) -> new Found(rs.getLong("id"), rs.getLong("allocation_id"), rs.getLong("entry_id"),
                        rs.getString("response"), rs.getObject("reply_deadline", OffsetDateTime.class).toInstant(),
                        Action.valueOf(rs.getString("action"))))
                .optional().orElseThrow(InvitationLinkUnusable::unknown);
    }

    private static Found usable(Found found) {
        if (found.response() != null) {
            throw InvitationLinkUnusable.used();
        }
        if (!found.replyDeadline().isAfter(Instant.now())) {
            throw InvitationLinkUnusable.expired();
        }
        return found;
    }
}
