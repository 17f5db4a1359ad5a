package com.jadecrane.mail;

/** What became of one mail. */
public sealed interface DeliveryOutcome {

    /** SendGrid took it (202) with this {@code X-Message-Id}, or it went to the outbox. */
    record Accepted(String messageId) implements DeliveryOutcome {
    }

    /** Refused for good (a 4xx other than 429): sending it again would fail the same way. */
    record Rejected(int status, String reason) implements DeliveryOutcome {
    }

    /**
     * The request went out but no answer came back (read time-out, connection lost): SendGrid may
     * or may not have it. Never retried automatically; delivery events or ops decide.
     */
    record Unconfirmed(String reason) implements DeliveryOutcome {
    }

    /** Not accepted after every attempt (429, 5xx, no connection); nothing was sent. Safe to try later. */
    record NotSent(String reason) implements DeliveryOutcome {
    }

    /** The address is on the suppression list: nothing was sent. */
    record Suppressed(String reason) implements DeliveryOutcome {
    }
}
