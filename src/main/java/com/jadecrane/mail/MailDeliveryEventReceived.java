package com.jadecrane.mail;

import java.time.Instant;
import java.util.Map;

/**
 * A SendGrid delivery event (processed, delivered, deferred, bounce, dropped, spamreport,
 * unsubscribe, ...), once per {@code sg_event_id}; {@code customArgs} are those the mail was sent
 * with (e.g. the invitation id).
 */
public record MailDeliveryEventReceived(String sgEventId, String event, String email, String sgMessageId,
        Map<String, String> customArgs, Instant occurredAt, String reason) {
}
