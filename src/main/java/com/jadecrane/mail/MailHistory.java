package com.jadecrane.mail;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mail kept about given addresses (lower case), for the data-subject requests of the modules
 * that mail people: the outbox, SendGrid's delivery events and the suppression list. This module
 * cannot take part in those requests itself (it would depend on the waitlist, which depends on it
 * through the jobs), so the module that sent the mail asks here.
 */
@Service
public class MailHistory {

    /** What the mail module holds about some addresses. */
    public record HeldMail(List<OutboxMail> outbox, List<DeliveryEvent> deliveryEvents,
            List<Suppressions.Suppression> suppressions) {
    }

    /** One delivery event SendGrid reported, as filed. */
    public record DeliveryEvent(String sgEventId, String event, String email, String sgMessageId, String customArgs,
            OffsetDateTime occurredAt, OffsetDateTime receivedAt, String reason) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MailHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public HeldMail of(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return new HeldMail(List.of(), List.of(), List.of());
        }
        List<OutboxMail> outbox = jdbc.sql("select " + OutboxMail.COLUMNS
                + " from mail_outbox where lower(to_email) in (:addresses) order by created_at, id")
                .param("addresses", addresses).query(OutboxMail.rows(json)).list();
        List<DeliveryEvent> events = jdbc.sql("""
                select sg_event_id, event, email, sg_message_id, custom_args::text as custom_args, occurred_at,
                       received_at, reason
                from mail_event where lower(email) in (:addresses) order by received_at, sg_event_id""")
                .param("addresses", addresses).query(DeliveryEvent.class).list();
        List<Suppressions.Suppression> suppressions = jdbc.sql("""
                select email, reason, note, source, created_at from mail_suppression where email in (:addresses)
                order by email""").param("addresses", addresses).query(Suppressions.Suppression.class).list();
        return new HeldMail(outbox, events, suppressions);
    }

    /**
     * Forgets these addresses: their outbox mail is deleted (it is all about the person: address,
     * name, the text they were sent), their delivery events keep only what happened when (the
     * address and SendGrid's reason, which often quotes it, go; the event id stays, so a retried
     * event is still filed once), and the record of who allowed a suppressed address again goes (the
     * audit log keeps that staff action). The suppression itself stays: the address must never be
     * mailed again, which is what the law allows keeping it for.
     */
    @Transactional
    public void erase(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return;
        }
        jdbc.sql("delete from mail_outbox where lower(to_email) in (:addresses)").param("addresses", addresses).update();
        jdbc.sql("update mail_event set email = null, reason = null where lower(email) in (:addresses)")
                .param("addresses", addresses).update();
        jdbc.sql("delete from mail_suppression_removal where lower(email) in (:addresses)")
                .param("addresses", addresses).update();
    }
}
