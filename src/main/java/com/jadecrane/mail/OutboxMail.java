package com.jadecrane.mail;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One mail kept in the outbox, as the admin UI and a data-subject export show it. */
public record OutboxMail(long id, String toEmail, String toName, String subject, String textBody, String htmlBody,
        String templateId, String customArgs, List<String> categories,
        List<OutboxTransport.KeptAttachment> attachments, OffsetDateTime createdAt) {

    /** The columns {@link #rows} reads, for a {@code select ... from mail_outbox}. */
    static final String COLUMNS = "id, to_email, to_name, subject, text_body, html_body, template_id,"
            + " custom_args::text as custom_args, categories, attachments::text as attachments, created_at";

    private static final TypeReference<List<OutboxTransport.KeptAttachment>> ATTACHMENTS = new TypeReference<>() {
    };

    static RowMapper<OutboxMail> rows(JsonMapper json) {
        return (rs, n) -> new OutboxMail(rs.getLong("id"), rs.getString("to_email"), rs.getString("to_name"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getString("template_id"), rs.getString("custom_args"),
                List.of((String[]) rs.getArray("categories").getArray()),
                json.readValue(rs.getString("attachments"), ATTACHMENTS),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
