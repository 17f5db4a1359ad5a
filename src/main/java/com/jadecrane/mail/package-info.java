/**
 * Sending email: through SendGrid when a key is configured, otherwise into an outbox shown in
 * the admin UI; with retries, rate limiting and the suppression list checked before every send.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package com.jadecrane.mail;
