package com.jadecrane.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code JADECRANE_SENDGRID_WEBHOOK_PUBLIC_KEY}: the verification key SendGrid shows for its signed
 * Event Webhook (base64 of the DER public key). Without it every event post is refused.
 *
 * @param maxAge how old a signed timestamp may be before the post counts as a replay
 */
@ConfigurationProperties("jadecrane.sendgrid")
record SendGridWebhookProperties(String webhookPublicKey, @DefaultValue("10m") Duration maxAge) {
}
