package com.jadecrane.mail;

/** Where mail goes: SendGrid, or the outbox. */
interface MailTransport {

    /** One attempt; {@link Attempt#retryAfter} tells the caller when a retry makes sense. */
    Attempt attempt(OutgoingMail mail);

    record Attempt(DeliveryOutcome outcome, java.time.Duration retryAfter) {

        static Attempt done(DeliveryOutcome outcome) {
            return new Attempt(outcome, null);
        }

        static Attempt retryable(String reason, java.time.Duration after) {
            return new Attempt(new DeliveryOutcome.NotSent(reason), after);
        }

        boolean retryable() {
            return retryAfter != null;
        }
    }
}
