package com.jadecrane.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends mail: checks the suppression list right before, keeps to the configured rate (in
 * requests), and retries what SendGrid did not take (429 after its reset time, 5xx and connection failures
 * with back-off). Thread-safe: callers may send concurrently.
 */
@Service
public class Mailer {

    /** SendGrid's limit of personalizations in one request. */
    public static final int PERSONALIZATIONS_PER_REQUEST = 1_000;

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
        return sendTogether(List.of(mail)).get(0);
    }

    /**
     * Sends mails that share their content in as few requests as SendGrid allows
     * ({@value #PERSONALIZATIONS_PER_REQUEST} personalizations each), and says, in order, what
     * became of each. A request SendGrid refuses for good is sent again one mail at a time, so one
     * bad address does not fail the others (a refused request took nothing).
     */
    public List<DeliveryOutcome> sendTogether(List<OutgoingMail> mails) throws InterruptedException {
        for (OutgoingMail mail : mails) {
            if (!mail.content().equals(mails.get(0).content())) {
                throw new IllegalArgumentException("Mails sent together must share their content");
            }
        }
        Map<OutgoingMail, DeliveryOutcome> outcomes = new IdentityHashMap<>();
        for (int from = 0; from < mails.size(); from += PERSONALIZATIONS_PER_REQUEST) {
            List<OutgoingMail> request = mails.subList(from, Math.min(mails.size(), from + PERSONALIZATIONS_PER_REQUEST));
            outcomes.putAll(sendRequest(request));
        }
        return mails.stream().map(outcomes::get).toList();
    }

    private Map<OutgoingMail, DeliveryOutcome> sendRequest(List<OutgoingMail> mails) throws InterruptedException {
        Map<OutgoingMail, DeliveryOutcome> outcomes = new IdentityHashMap<>();
        List<OutgoingMail> sending = mails;
        Duration backoff = Duration.ofMillis(500);
        DeliveryOutcome last = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            // checked before each attempt: an unsubscribe may arrive while we wait to retry
            sending = withoutSuppressed(sending, outcomes);
            if (sending.isEmpty()) {
                return outcomes;
            }
            rate.consume(1);
            MailTransport.Attempt result = transport.attempt(sending);
            if (!result.retryable()) {
                last = result.outcome();
                break;
            }
            last = result.outcome();
            if (attempt < properties.maxAttempts()) {
                Duration wait = max(result.retryAfter(), backoff);
                wait = wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
                log.info("{} mail(s) not taken ({}); attempt {} of {} in {} ms", sending.size(),
                        ((DeliveryOutcome.NotSent) last).reason(), attempt + 1, properties.maxAttempts(), wait.toMillis());
                Thread.sleep(wait.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
        if (last instanceof DeliveryOutcome.Rejected && sending.size() > 1) {
            for (OutgoingMail alone : sending) {
                outcomes.putAll(sendRequest(List.of(alone)));
            }
            return outcomes;
        }
        for (OutgoingMail mail : sending) {
            outcomes.put(mail, last);
        }
        return outcomes;
    }

    private List<OutgoingMail> withoutSuppressed(List<OutgoingMail> mails, Map<OutgoingMail, DeliveryOutcome> outcomes) {
        Map<String, String> suppressed = suppressions.reasons(mails.stream().map(OutgoingMail::to).toList());
        if (suppressed.isEmpty()) {
            return mails;
        }
        List<OutgoingMail> allowed = new ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            String reason = suppressed.get(Suppressions.normalize(mail.to()));
            if (reason != null) {
                outcomes.put(mail, new DeliveryOutcome.Suppressed(reason));
            }
            else {
                allowed.add(mail);
            }
        }
        return allowed;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
