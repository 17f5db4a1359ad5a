package com.jadecrane.mail;

import java.time.Duration;

import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends one mail: checks the suppression list right before, keeps to the configured rate, and
 * retries what SendGrid did not take (429 after its reset time, 5xx and connection failures
 * with back-off). Thread-safe: callers may send concurrently.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailTransport transport;
    private final Suppressions suppressions;
    private final MailProperties properties;
    private final BlockingBucket rate;

    Mailer(MailTransport transport, Suppressions suppressions, MailProperties properties) {
        this.transport = transport;
        this.suppressions = suppressions;
        this.properties = properties;
        this.rate = Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.ratePerSecond()).refillGreedy(properties.ratePerSecond(),
                        Duration.ofSeconds(1)))
                .build().asBlocking();
    }

    /** Whether mail really leaves (SendGrid) or stays in the outbox. */
    public boolean sendsForReal() {
        return transport instanceof SendGridTransport;
    }

    public DeliveryOutcome send(OutgoingMail mail) throws InterruptedException {
        Duration backoff = Duration.ofMillis(500);
        DeliveryOutcome last = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            // checked before each attempt: an unsubscribe may arrive while we wait to retry
            var suppression = suppressions.find(mail.to());
            if (suppression.isPresent()) {
                return new DeliveryOutcome.Suppressed(suppression.get().reason());
            }
            rate.consume(1);
            MailTransport.Attempt result = transport.attempt(mail);
            if (!result.retryable()) {
                return result.outcome();
            }
            last = result.outcome();
            if (attempt < properties.maxAttempts()) {
                Duration wait = max(result.retryAfter(), backoff);
                wait = wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
                log.info("Mail to invitation {} not taken ({}); attempt {} of {} in {} ms", mail.customArgs(),
                        ((DeliveryOutcome.NotSent) last).reason(), attempt + 1, properties.maxAttempts(), wait.toMillis());
                Thread.sleep(wait.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
        return last;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
