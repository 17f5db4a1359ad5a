package com.jadecrane.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs event posts the way SendGrid's Event Webhook does (ECDSA P-256 over timestamp + body),
 * with a key pair made for this test run: no key lives in the repository.
 */
public final class SendGridEventSigner {

    private static final KeyPair KEYS = generate();

    private SendGridEventSigner() {
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static String sign(String timestamp, String body) {
        return sign(KEYS, timestamp, body);
    }

    /** A signature by some other key: what a forger produces. */
    public static String forge(String timestamp, String body) {
        return sign(generate(), timestamp, body);
    }

    /** Posts these events to the webhook as SendGrid does: signed, now. */
    public static ApiClient.Response postSigned(int port, String body) {
        String timestamp = now();
        ApiClient client = new ApiClient(port).withoutCsrfHeader();
        return client.send(client.request("/api/public/sendgrid/events").header("Content-Type", "application/json")
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .header("X-Twilio-Email-Event-Webhook-Signature", sign(timestamp, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    public static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static String sign(KeyPair keys, String timestamp, String body) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
