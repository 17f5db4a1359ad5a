package com.jadecrane.waitlist;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jadecrane.waitlist.*}: the public sign-up's rate limit and the consent text it records (its body
 * limit, 16 KiB, is one of the API's request limits: {@code jadecrane.request-limits.paths}).
 *
 * @param rateLimitPerMinute sign-ups one client (remote address) may post per minute
 *        ({@code JADECRANE_WAITLIST_RATE_LIMIT_PER_MINUTE}); counted per instance, in memory
 * @param consentTextVersion version of the consent wording the public form shows, stored with each sign-up
 * @param ipHashSecret key of the HMAC that stores client addresses as hashes; empty: a random key per
 *        start (hashes then only correlate sign-ups of one run, which is all abuse handling needs)
 */
@ConfigurationProperties("jadecrane.waitlist")
record WaitlistProperties(Integer rateLimitPerMinute, String consentTextVersion, String ipHashSecret) {

    WaitlistProperties {
        rateLimitPerMinute = rateLimitPerMinute == null ? 20 : rateLimitPerMinute;
        consentTextVersion = consentTextVersion == null || consentTextVersion.isBlank() ? "2026-11" : consentTextVersion;
    }
}
