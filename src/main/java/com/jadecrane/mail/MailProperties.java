package com.jadecrane.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code JADECRANE_MAIL_FROM}, {@code JADECRANE_MAIL_SENDGRID_API_KEY},
 * {@code JADECRANE_MAIL_SENDGRID_BASE_URL} and the sending limits.
 *
 * @param ratePerSecond requests per second this instance sends at most (SendGrid's own limits
 *        answer 429 beyond theirs; this keeps us below them)
 * @param maxAttempts attempts per mail for answers that may succeed later (429, 5xx, no connection)
 */
@ConfigurationProperties("jadecrane.mail")
record MailProperties(@DefaultValue("invitations@jadecrane.example") String from,
        @DefaultValue("Jade Crane") String fromName, @DefaultValue Sendgrid sendgrid,
        @DefaultValue("100") int ratePerSecond, @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration maxBackoff) {

    record Sendgrid(String apiKey, @DefaultValue("https://api.sendgrid.com") String baseUrl,
            @DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout) {

        boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }
    }
}
