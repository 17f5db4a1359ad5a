package com.jadecrane.invitations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.invitations.InvitationTokens.LinkTokens;
import com.jadecrane.mail.DeliveryOutcome;
import com.jadecrane.mail.Mailer;
import com.jadecrane.mail.OutgoingMail;
import com.jadecrane.system.ConflictException;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.windows.SeatHolds;

/** The ledger for ops: the list, one invitation, and the resolution of what stayed unconfirmed. */
@Service
class InvitationAdministration {

    static final Map<String, String> SORTABLE = Map.of("id", "i.id", "status", "i.status", "sentAt", "i.sent_at",
            "createdAt", "i.created_at", "windowStartsAt", "w.starts_at", "email", "e.email");

    /** Filters of the list; null means any. */
    record Filter(String status, String delivery, Long windowId, Long entryId, String response, OffsetDateTime from,
            OffsetDateTime to) {
    }

    private static final String FROM = """
             from invitation i
             join window_allocation a on a.id = i.allocation_id
             join consultation_window w on w.id = a.window_id
             join specialty s on s.code = w.specialty
             left join waitlist_entry e on e.id = i.entry_id
            """;

    private static final String WHERE = """
             where (cast(:status as text) is null or i.status = :status)
               and (cast(:delivery as text) is null or i.delivery = :delivery)
               and (cast(:windowId as bigint) is null or a.window_id = :windowId)
               and (cast(:entryId as bigint) is null or i.entry_id = :entryId)
               and (cast(:response as text) is null or i.response = :response)
               and (cast(:from as timestamptz) is null or i.created_at >= :from)
               and (cast(:to as timestamptz) is null or i.created_at < :to)
            """;

    private static final String COLUMNS = """
            select i.*, a.window_id, a.status as allocation_status, w.starts_at, s.name as specialty, e.email, e.full_name
            """;

    private static final RowMapper<InvitationView> VIEW = (rs, n) -> new InvitationView(rs.getLong("id"),
            rs.getLong("allocation_id"), rs.getLong("entry_id"), rs.getLong("window_id"), rs.getString("email"),
            rs.getString("full_name"), time(rs, "starts_at"), rs.getString("specialty"), rs.getString("allocation_status"),
            rs.getString("status"), rs.getInt("attempts"), rs.getString("sendgrid_message_id"),
            time(rs, "sending_started_at"), time(rs, "sent_at"), rs.getString("failure_reason"),
            rs.getBoolean("failure_transient"), rs.getString("delivery"), time(rs, "delivered_at"), time(rs, "bounced_at"),
            time(rs, "opened_at"), time(rs, "spam_reported_at"), time(rs, "unsubscribed_at"), rs.getString("response"),
            time(rs, "responded_at"), time(rs, "reply_deadline"), time(rs, "created_at"), time(rs, "updated_at"),
            resendable(rs.getString("status"), rs.getBoolean("failure_transient")));

    private final JdbcClient jdbc;
    private final InvitationLedger ledger;
    private final InvitationSending sending;
    private final InvitationMail mails;
    private final Mailer mailer;
    private final SeatHolds seatHolds;
    private final ApplicationEventPublisher events;

    InvitationAdministration(JdbcClient jdbc, InvitationLedger ledger, InvitationSending sending, InvitationMail mails,
            Mailer mailer, SeatHolds seatHolds, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.sending = sending;
        this.mails = mails;
        this.mailer = mailer;
        this.seatHolds = seatHolds;
        this.events = events;
    }

    Page<InvitationView> list(Filter filter, PageQuery page) {
        List<InvitationView> content = bind(jdbc.sql(COLUMNS + FROM + WHERE + " order by " + page.orderBy()
                + " limit :limit offset :offset"), filter)
                .param("limit", page.size()).param("offset", page.offset()).query(VIEW).list();
        long total = bind(jdbc.sql("select count(*)" + FROM + WHERE), filter).query(Long.class).single();
        return new Page<>(content, total);
    }

    /** Every invitation of these waitlist entries (one person's), oldest first. */
    List<InvitationView> ofEntries(List<Long> entryIds) {
        return jdbc.sql(COLUMNS + FROM + " where i.entry_id in (:entries) order by i.id").param("entries", entryIds)
                .query(VIEW).list();
    }

    InvitationView get(long id) {
        return jdbc.sql(COLUMNS + FROM + " where i.id = ?").param(id).query(VIEW).optional()
                .orElseThrow(() -> new ResourceNotFoundException("Invitation", id));
    }

    /**
     * Sends an UNCONFIRMED or transiently FAILED invitation again (ops decided it did not arrive).
     * Not transactional: the claim must be committed before the mail leaves.
     */
    InvitationView resend(long id, String by) throws InterruptedException {
        InvitationView invitation = get(id);
        if (!invitation.resendable()) {
            throw new ConflictException("Invitation " + id + " is " + invitation.status()
                    + (invitation.failureReason() != null ? " (" + invitation.failureReason() + ")" : "")
                    + ": only UNCONFIRMED invitations and FAILED ones that may pass can be sent again");
        }
        PendingInvitation recipient = ledger.recipient(id).orElseThrow(() -> new ResourceNotFoundException("Invitation", id));
        if (recipient.email() == null) {
            throw new ConflictException("The person of invitation " + id + " was erased");
        }
        InvitationSending.Result result = sending.send(recipient, List.of(invitation.status()));
        if (result == InvitationSending.Result.SKIPPED) {
            throw new ConflictException("Invitation " + id + " changed meanwhile; reload it");
        }
        events.publishEvent(new InvitationResent(id, result.name(), by));
        return get(id);
    }

    /** Ops know the UNCONFIRMED mail arrived: it counts as sent from when it was sent, with its deadline. */
    @Transactional
    InvitationView markSent(long id, String note, String by) {
        var allocation = jdbc.sql("""
                update invitation set status = 'SENT', sent_at = coalesce(sending_started_at, now()), failure_reason = null,
                    updated_at = now(), version = version + 1
                where id = ? and status = 'UNCONFIRMED'
                returning allocation_id, coalesce(sending_started_at, now()) as sending_started_at""").param(id)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant())).optional()
                .orElseThrow(() -> new ConflictException("Invitation " + id + " is " + get(id).status()
                        + ": only an UNCONFIRMED invitation can be marked sent"));
        // checked first: a refusal inside this transaction would undo the marking too
        if (seatHolds.find(allocation.getKey()).filter(hold -> "HELD".equals(hold.status())).isPresent()) {
            seatHolds.startHold(allocation.getKey(), allocation.getValue());
        }
        events.publishEvent(new InvitationMarkedSent(id, note, by));
        return get(id);
    }

    /** The repo template filled with sample data. */
    Map<String, String> preview() {
        OutgoingMail mail = sampleMail("ana.silva@example.org");
        return Map.of("subject", mail.subject(), "html", mail.personalHtml(), "text", mail.personalText());
    }

    /** "Send me a test": the invitation with sample data and links that answer nothing. */
    DeliveryOutcome testSend(String email, String by) throws InterruptedException {
        DeliveryOutcome outcome = mailer.send(sampleMail(email));
        events.publishEvent(new InvitationTestSent(email, outcome.getClass().getSimpleName(), by));
        return outcome;
    }

    private OutgoingMail sampleMail(String email) {
        PendingInvitation sample = InvitationMail.sample();
        PendingInvitation to = new PendingInvitation(0, 0, 0, email, sample.fullName(), sample.timeZone(),
                sample.windowStartsAt(), sample.windowTimeZone(), sample.specialty(), sample.hospital(), null);
        return mails.compose(List.of(new InvitationMail.Addressed(to, LinkTokens.fresh(),
                sample.windowStartsAt().minusSeconds(9 * 24 * 3600)))).get(0);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Filter filter) {
        return statement.param("status", filter.status()).param("delivery", filter.delivery())
                .param("windowId", filter.windowId()).param("entryId", filter.entryId()).param("response", filter.response())
                .param("from", filter.from()).param("to", filter.to());
    }

    static boolean resendable(String status, boolean failureTransient) {
        return "UNCONFIRMED".equals(status) || "FAILED".equals(status) && failureTransient;
    }

    private static OffsetDateTime time(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
