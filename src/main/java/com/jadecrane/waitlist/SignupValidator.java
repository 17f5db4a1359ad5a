package com.jadecrane.waitlist;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.jadecrane.specialties.Specialties;
import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;

/** Checks every field of a public sign-up and names each bad one, so nothing half-valid is stored. */
@Component
class SignupValidator {

    static final int MAX_MESSAGE_LENGTH = 2000;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 254;

    /** One @, no spaces or characters that mail systems reject, a dot in the domain. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]{1,64}@[^\\s@<>()\\[\\],;:\"\\\\.]+(\\.[^\\s@<>()\\[\\],;:\"\\\\.]+)+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Region ids only (Europe/Lisbon, UTC): a fixed offset such as +02:00 knows no daylight saving. */
    private static final Set<String> TIME_ZONES = ZoneId.getAvailableZoneIds();

    private final Specialties specialties;

    SignupValidator(Specialties specialties) {
        this.specialties = specialties;
    }

    void check(SignupRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().strip();
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "is required"));
        }
        else if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "is not a valid email address"));
        }
        String name = request.fullName() == null ? "" : request.fullName().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("fullName", "is required"));
        }
        else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("fullName", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (request.country() == null || !COUNTRIES.contains(request.country())) {
            problems.add(new FieldProblem("country", "must be an ISO 3166-1 alpha-2 code such as PT"));
        }
        if (!isLanguageTag(request.preferredLanguage())) {
            problems.add(new FieldProblem("preferredLanguage", "must be a BCP 47 language tag such as en or pt-BR"));
        }
        if (request.timeZone() == null || !TIME_ZONES.contains(request.timeZone())) {
            problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as Europe/Lisbon"));
        }
        if (!specialties.isActive(request.specialty())) {
            problems.add(new FieldProblem("specialty", "is not a specialty the waitlist accepts"));
        }
        if (request.sourcePage() == null || request.sourcePage().length() > 120 || !SLUG.matcher(request.sourcePage()).matches()) {
            problems.add(new FieldProblem("sourcePage", "must be the slug of a page, such as cancer-second-opinion-china"));
        }
        if (request.message() != null && request.message().codePointCount(0, request.message().length()) > MAX_MESSAGE_LENGTH) {
            problems.add(new FieldProblem("message", "must be at most " + MAX_MESSAGE_LENGTH + " characters"));
        }
        SignupRequest.Consent consent = request.consent();
        if (consent == null || !Boolean.TRUE.equals(consent.dataProcessing())) {
            problems.add(new FieldProblem("consent.dataProcessing", "must be given to join the waitlist"));
        }
        if (consent == null || !Boolean.TRUE.equals(consent.crossBorderTransfer())) {
            problems.add(new FieldProblem("consent.crossBorderTransfer", "must be given: consultations take place in China"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Well-formed BCP 47 with a language subtag (Locale.Builder rejects what is not well-formed). */
    /** ISO 639-1 codes, their ISO 639-2 forms, and widely used languages that only have a three-letter code. */
    private static final java.util.Set<String> KNOWN_LANGUAGES = java.util.stream.Stream.of(
            java.util.Arrays.stream(Locale.getISOLanguages()),
            java.util.Arrays.stream(Locale.getISOLanguages()).map(code -> new Locale(code).getISO3Language()),
            java.util.stream.Stream.of("fil", "yue", "haw", "ceb", "hmn", "ckb", "nan", "hak"))
            .flatMap(codes -> codes)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            // well-formed is not enough ("english" parses): the language must be a real ISO 639 one
            return KNOWN_LANGUAGES.contains(locale.getLanguage());
        }
        catch (IllformedLocaleException ex) {
            return false;
        }
    }
}
