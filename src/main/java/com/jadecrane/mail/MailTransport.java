package com.jadecrane.mail;

import java.util.List;

/** Where mail goes: SendGrid, or the outbox. */
interface MailTransport {

    /**
     * One attempt for mails sharing their content, in one request (one personalization each);
     * {@link Attempt#retryAfter} tells the caller when a retry makes sense. The outcome is the
     * request's, so the same for every mail in it.
     */
    Attempt attempt(List<OutgoingMail> mails);

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
