package com.jadecrane.waitlist;

/**
 * The body of {@code POST /api/public/waitlist} (../shared/API.md). Unknown fields are ignored so
 * the public site can send more than this version knows. {@code website} is a honeypot: the form
 * hides it from people, so only bots fill it in.
 */
record SignupRequest(String email, String fullName, String country, String preferredLanguage, String timeZone,
        String specialty, String sourcePage, String message, Consent consent, String website) {

    record Consent(Boolean dataProcessing, Boolean crossBorderTransfer, Boolean marketing) {
    }

    boolean filledByABot() {
        return website != null && !website.isBlank();
    }
}
