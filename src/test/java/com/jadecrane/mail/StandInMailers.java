package com.jadecrane.mail;

import java.time.Duration;

/** A {@link Mailer} that talks to a local SendGrid stand-in, for other modules' tests. */
public final class StandInMailers {

    private StandInMailers() {
    }

    public static Mailer sendGridAt(int port, Suppressions suppressions, int maxAttempts) {
        MailProperties properties = new MailProperties("invitations@jadecrane.example", "Jade Crane",
                new MailProperties.Sendgrid("SG.test-key", "http://127.0.0.1:" + port, Duration.ofSeconds(1),
                        Duration.ofMillis(1_500)),
                500, maxAttempts, Duration.ofSeconds(2));
        return new Mailer(new SendGridTransport(properties), suppressions, properties);
    }
}
