package com.jadecrane.mail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
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

    /**
     * One throwaway request to a freshly started stand-in: its first answer can take longer than the
     * stand-in mailers' short read time-out on a loaded machine, which would turn a test's first
     * send UNCONFIRMED.
     */
    public static void warmUp(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/__admin/health").toURL()
                .openConnection();
        connection.getResponseCode();
        connection.disconnect();
    }
}
