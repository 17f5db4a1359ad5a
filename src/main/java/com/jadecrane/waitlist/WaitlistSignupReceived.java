package com.jadecrane.waitlist;

import java.time.Instant;

/** A public sign-up was accepted and stored (no personal data: the audit log only needs the facts). */
public record WaitlistSignupReceived(long signupId, Instant receivedAt, String specialty, String sourcePage, String country) {
}
