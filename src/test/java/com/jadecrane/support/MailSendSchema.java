package com.jadecrane.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * SendGrid's JSON Schema of a {@code POST /v3/mail/send} body, read from
 * {@code ../shared/sendgrid/mail-send-request.schema.json} (shared/ sits beside the checkout).
 */
public final class MailSendSchema {

    private static final Path LOCATION = Path.of("..", "shared", "sendgrid", "mail-send-request.schema.json");
    private static Schema schema;

    private MailSendSchema() {
    }

    /** @return the schema violations of this body; empty when it is valid */
    public static synchronized List<String> violations(String body) {
        if (schema == null) {
            try {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(Files.readString(LOCATION), InputFormat.JSON);
            }
            catch (java.io.IOException ex) {
                throw new IllegalStateException("Cannot read " + LOCATION.toAbsolutePath(), ex);
            }
        }
        return schema.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
