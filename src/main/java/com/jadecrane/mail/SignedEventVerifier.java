package com.jadecrane.mail;

import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.sendgrid.helpers.eventwebhook.EventWebhook;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Checks SendGrid's ECDSA signature over timestamp + raw body, and that the timestamp is recent
 * (an old, validly signed post is a replay).
 */
@Component
class SignedEventVerifier {

    private static final Logger log = LoggerFactory.getLogger(SignedEventVerifier.class);

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final EventWebhook webhook = new EventWebhook();
    private final ECPublicKey publicKey;
    private final Duration maxAge;

    SignedEventVerifier(SendGridWebhookProperties properties) {
        this.maxAge = properties.maxAge();
        ECPublicKey key = null;
        if (properties.webhookPublicKey() != null && !properties.webhookPublicKey().isBlank()) {
            try {
                key = webhook.ConvertPublicKeyToECDSA(properties.webhookPublicKey().trim());
            }
            catch (Exception ex) {
                throw new IllegalStateException("JADECRANE_SENDGRID_WEBHOOK_PUBLIC_KEY is not a valid EC public key", ex);
            }
        }
        else {
            log.warn("No JADECRANE_SENDGRID_WEBHOOK_PUBLIC_KEY: SendGrid delivery events will be refused");
        }
        this.publicKey = key;
    }

    /** @return why the post is refused, or empty when it is genuine and fresh */
    Optional<String> refusal(byte[] body, String signature, String timestamp) {
        if (publicKey == null) {
            return Optional.of("signed events are not configured (no verification key)");
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return Optional.of("the signature or timestamp header is missing");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        }
        catch (NumberFormatException ex) {
            return Optional.of("the timestamp is not a number of seconds");
        }
        Instant now = Instant.now();
        if (signedAt.isBefore(now.minus(maxAge)) || signedAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
            return Optional.of("the timestamp is too old or in the future");
        }
        try {
            return webhook.VerifySignature(publicKey, body, signature.trim(), timestamp.trim())
                    ? Optional.empty() : Optional.of("the signature does not match");
        }
        catch (Exception ex) {
            return Optional.of("the signature cannot be read");
        }
    }
}
