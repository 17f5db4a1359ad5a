package com.jadecrane.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.InvalidInputException;

/**
 * Files SendGrid's events: each {@code sg_event_id} once, suppressing the address on a bounce,
 * a drop, a spam report or an unsubscribe, and announcing every event to the modules that sent mail.
 */
@Service
class DeliveryEvents {

    /** Keys of an event that are SendGrid's own; everything else top-level is a custom argument. */
    private static final Set<String> SENDGRID_KEYS = Set.of("email", "timestamp", "event", "sg_event_id", "sg_message_id",
            "smtp-id", "category", "reason", "status", "response", "attempt", "type", "bounce_classification", "ip",
            "useragent", "url", "url_offset", "asm_group_id", "tls", "cert_err", "marketing_campaign_id",
            "marketing_campaign_name", "pool", "sg_machine_open", "sg_content_type", "sg_template_id",
            "sg_template_name");

    private static final Map<String, Suppressions.Reason> SUPPRESSING = Map.of(
            "bounce", Suppressions.Reason.BOUNCED,
            "dropped", Suppressions.Reason.DROPPED,
            "spamreport", Suppressions.Reason.SPAM_REPORT,
            "unsubscribe", Suppressions.Reason.UNSUBSCRIBED,
            "group_unsubscribe", Suppressions.Reason.UNSUBSCRIBED);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Suppressions suppressions;
    private final ApplicationEventPublisher events;

    DeliveryEvents(JdbcClient jdbc, JsonMapper json, Suppressions suppressions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.suppressions = suppressions;
        this.events = events;
    }

    /** @return how many events were new */
    @Transactional
    int file(byte[] body) {
        JsonNode batch;
        try {
            batch = json.readTree(body);
        }
        catch (RuntimeException ex) {
            throw new InvalidInputException("body", "is not a JSON array of events");
        }
        if (batch == null || !batch.isArray()) {
            throw new InvalidInputException("body", "is not a JSON array of events");
        }
        int fresh = 0;
        for (int i = 0; i < batch.size(); i++) {
            JsonNode event = batch.get(i);
            String id = text(event, "sg_event_id");
            String type = text(event, "event");
            if (id == null || type == null) {
                throw new InvalidInputException("[" + i + "]", "has no sg_event_id or event");
            }
            if (file(id, type, event)) {
                fresh++;
            }
        }
        return fresh;
    }

    private boolean file(String id, String type, JsonNode event) {
        Map<String, String> customArgs = new LinkedHashMap<>();
        for (var field : event.properties()) {
            if (!SENDGRID_KEYS.contains(field.getKey()) && field.getValue().isValueNode()) {
                customArgs.put(field.getKey(), field.getValue().asString());
            }
        }
        String email = text(event, "email");
        Instant occurredAt = event.hasNonNull("timestamp") ? Instant.ofEpochSecond(event.get("timestamp").asLong()) : null;
        String reason = text(event, "reason");
        int inserted = jdbc.sql("""
                insert into mail_event (sg_event_id, event, email, sg_message_id, custom_args, occurred_at, reason)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict (sg_event_id) do nothing
                """)
                .params(id, type, email, text(event, "sg_message_id"), json.writeValueAsString(customArgs),
                        occurredAt == null ? null : java.sql.Timestamp.from(occurredAt), reason)
                .update();
        if (inserted == 0) {
            return false;
        }
        Suppressions.Reason suppressing = SUPPRESSING.get(type);
        if (suppressing != null && email != null) {
            suppressions.suppress(email, suppressing, reason, "sendgrid:" + type);
        }
        events.publishEvent(new MailDeliveryEventReceived(id, type, email, text(event, "sg_message_id"), customArgs,
                occurredAt, reason));
        return true;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
