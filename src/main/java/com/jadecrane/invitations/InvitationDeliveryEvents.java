package com.jadecrane.invitations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.jadecrane.mail.MailDeliveryEventReceived;
import com.jadecrane.windows.SeatHolds;

/**
 * SendGrid's delivery events for invitations (found by the {@code invitationId} custom arg), in
 * the webhook's transaction: SendGrid posts again if this fails. "processed" and "delivered" prove
 * the mail was taken, so an UNCONFIRMED invitation becomes SENT and its reply deadline starts;
 * bounces and drops fail it; opens, spam reports and unsubscribes are recorded (the mail module
 * already suppressed the address where needed).
 */
@Component
class InvitationDeliveryEvents {

    private static final Logger log = LoggerFactory.getLogger(InvitationDeliveryEvents.class);

    /** The column each kind of event stamps the first time it arrives. */
    private static final Map<String, String> FIRST_SEEN = Map.of("delivered", "delivered_at", "bounce", "bounced_at",
            "dropped", "bounced_at", "open", "opened_at", "spamreport", "spam_reported_at", "unsubscribe",
            "unsubscribed_at", "group_unsubscribe", "unsubscribed_at");

    private final JdbcClient jdbc;
    private final SeatHolds seatHolds;

    InvitationDeliveryEvents(JdbcClient jdbc, SeatHolds seatHolds) {
        this.jdbc = jdbc;
        this.seatHolds = seatHolds;
    }

    @EventListener
    void on(MailDeliveryEventReceived event) {
        Long id = invitationId(event.customArgs().get(InvitationMail.INVITATION_ID));
        if (id == null || event.event() == null) {
            return;
        }
        OffsetDateTime at = (event.occurredAt() != null ? event.occurredAt() : Instant.now()).atOffset(ZoneOffset.UTC);
        String column = FIRST_SEEN.get(event.event());
        int found = jdbc.sql("update invitation set delivery = :event, updated_at = now(), version = version + 1"
                + (column != null ? ", " + column + " = coalesce(" + column + ", :at)" : "") + " where id = :id")
                .param("event", event.event()).param("at", at).param("id", id).update();
        if (found == 0) {
            return;
        }
        switch (event.event()) {
            case "processed", "delivered" -> confirmUnconfirmed(id, event.sgMessageId(), at);
            case "bounce", "dropped" -> jdbc.sql("""
                    update invitation set status = 'FAILED', failure_transient = false,
                        failure_reason = :reason
                    where id = :id and status in ('SENT', 'UNCONFIRMED')""")
                    .param("reason", event.event() + (event.reason() != null ? ": " + event.reason() : ""))
                    .param("id", id).update();
            default -> {
                // recorded above; nothing else changes
            }
        }
    }

    private void confirmUnconfirmed(long id, String sgMessageId, OffsetDateTime at) {
        var resolved = jdbc.sql("""
                update invitation set status = 'SENT', sent_at = :at, failure_reason = null,
                    sendgrid_message_id = coalesce(sendgrid_message_id, :messageId)
                where id = :id and status = 'UNCONFIRMED'
                returning allocation_id, coalesce(sending_started_at, :at) as sending_started_at""")
                .param("at", at).param("messageId", messageId(sgMessageId)).param("id", id)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
        // checked first: a refusal inside the webhook's transaction would roll all of it back
        resolved.ifPresent(allocation -> {
            if (seatHolds.find(allocation.getKey()).filter(hold -> "HELD".equals(hold.status())).isPresent()) {
                seatHolds.startHold(allocation.getKey(), allocation.getValue());
            }
            else {
                log.info("Invitation {} confirmed taken by SendGrid but its seat is no longer held", id);
            }
        });
    }

    /** The event's id is the X-Message-Id plus a filter suffix ("abc.filter0001..."). */
    private static String messageId(String sgMessageId) {
        return sgMessageId == null ? null : sgMessageId.replaceFirst("\\..*$", "");
    }

    private static Long invitationId(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        }
        catch (NumberFormatException notOurs) {
            return null;
        }
    }
}
