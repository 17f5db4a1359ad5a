package com.jadecrane.mail;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the mail in the {@code mail_outbox} table: the default run needs no SendGrid account. Each
 * person's mail is kept as they would receive it (substitutions made); of its attachments, the
 * names, types and sizes (the files themselves would fill the table with copies of reports).
 */
class OutboxTransport implements MailTransport {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutboxTransport(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Attempt attempt(List<OutgoingMail> mails) {
        // the attachments are part of the content all these mails share
        List<KeptAttachment> attachments = mails.get(0).attachments().stream()
                .map(file -> new KeptAttachment(file.fileName(), file.type(), file.sizeBytes())).toList();
        Long first = null;
        for (OutgoingMail mail : mails) {
            long id = jdbc.sql("""
                    insert into mail_outbox (to_email, to_name, subject, text_body, html_body, template_id, template_data,
                                             headers, categories, custom_args, attachments)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, cast(? as jsonb), cast(? as jsonb)) returning id
                    """)
                    .params(mail.to(), mail.toName(), mail.subject(), mail.personalText(), mail.personalHtml(), mail.templateId(),
                            json.writeValueAsString(mail.templateData()), json.writeValueAsString(mail.headers()),
                            mail.categories().toArray(String[]::new), json.writeValueAsString(mail.customArgs()),
                            json.writeValueAsString(attachments))
                    .query(Long.class).single();
            first = first == null ? id : first;
        }
        return Attempt.done(new DeliveryOutcome.Accepted("outbox-" + first));
    }

    /** What the outbox keeps of an attachment (its JSON in {@code mail_outbox.attachments}). */
    record KeptAttachment(String fileName, String type, long sizeBytes) {
    }
}
