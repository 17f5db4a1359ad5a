package com.jadecrane.invitations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The single-use tokens of an invitation's links: 32 random bytes, base64url. Only their sha-256
 * is stored, so a copy of the database cannot answer anybody's invitation.
 */
final class InvitationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The three tokens of one sent invitation. */
    record LinkTokens(String accept, String decline, String unsubscribe) {

        static LinkTokens fresh() {
            return new LinkTokens(newToken(), newToken(), newToken());
        }
    }

    private InvitationTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
