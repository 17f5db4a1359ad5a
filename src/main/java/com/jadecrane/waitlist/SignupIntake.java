package com.jadecrane.waitlist;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores each accepted public sign-up as it came (append-only) with its identity and name keys.
 * De-duplication happens later, in {@code waitlistDedupeJob}, so the answer never reveals whether the
 * person was already on the list.
 */
@Service
class SignupIntake {

    static final int MAX_USER_AGENT_LENGTH = 256;

    private final JdbcClient jdbc;
    private final SignupValidator validator;
    private final WaitlistProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final byte[] ipHashKey;

    SignupIntake(JdbcClient jdbc, SignupValidator validator, WaitlistProperties properties,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.properties = properties;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.ipHashKey = properties.ipHashSecret() == null || properties.ipHashSecret().isEmpty()
                ? randomKey() : properties.ipHashSecret().getBytes(StandardCharsets.UTF_8);
    }

    @Transactional
    void receive(SignupRequest request, String clientAddress, String userAgent) {
        if (request.filledByABot()) {
            // the same answer as a real sign-up, valid or not, so the bot learns nothing
            return;
        }
        validator.check(request);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into waitlist_signup (received_at, email, full_name, country, preferred_language, time_zone,
                    specialty, source_page, message, consent_data_processing, consent_cross_border, consent_marketing,
                    consent_text_version, consent_accepted_at, client_ip_hash, user_agent, identity_key, name_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, true, ?, ?, ?, ?, ?, ?, ?)
                returning id""")
                .params(Timestamp.from(now), request.email(), request.fullName().strip(), request.country(),
                        request.preferredLanguage(), request.timeZone(), request.specialty(), request.sourcePage(),
                        request.message(), Boolean.TRUE.equals(request.consent().marketing()),
                        properties.consentTextVersion(), Timestamp.from(now), hash(clientAddress),
                        truncate(userAgent), IdentityKeys.identityKey(request.email()),
                        IdentityKeys.nameKey(request.fullName()))
                .query(Long.class).single();
        events.publishEvent(new WaitlistSignupReceived(id, now, request.specialty(), request.sourcePage(), request.country()));
    }

    private String hash(String clientAddress) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ipHashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(clientAddress.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

    private static String truncate(String userAgent) {
        return userAgent == null || userAgent.length() <= MAX_USER_AGENT_LENGTH ? userAgent
                : userAgent.substring(0, MAX_USER_AGENT_LENGTH);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
