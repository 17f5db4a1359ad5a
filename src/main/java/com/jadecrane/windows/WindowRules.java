package com.jadecrane.windows;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.jadecrane.hospitals.HospitalDirectory;
import com.jadecrane.specialties.Specialties;
import com.jadecrane.system.FieldProblem;

/**
 * The rules of a window's common fields, collected per field so one 400 names every problem.
 * Languages are stored in their canonical BCP 47 form (e.g. {@code pt-br} becomes {@code pt-BR}).
 */
@Component
class WindowRules {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final Set<String> STATUSES = Set.of("DRAFT", "OPEN", "CLOSED");
    private static final int MAX_LANGUAGES = 10;

    private final Specialties specialties;
    private final HospitalDirectory hospitals;

    WindowRules(Specialties specialties, HospitalDirectory hospitals) {
        this.specialties = specialties;
        this.hospitals = hospitals;
    }

    /** Checks the common fields and answers them normalized; problems are added to {@code problems}. */
    Normalized check(WindowForms.Common form, List<FieldProblem> problems) {
        ZoneId zone = zone(form.timeZone(), problems);
        if (form.specialty() != null && !form.specialty().isBlank() && !specialties.isActive(form.specialty())) {
            problems.add(new FieldProblem("specialty", "is not an active specialty of the list (GET /api/specialties)"));
        }
        List<String> languages = languages(form.languages(), problems);
        String status = form.status() == null || form.status().isBlank() ? "DRAFT" : form.status();
        if (!STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "must be one of DRAFT, OPEN, CLOSED"));
        }
        if (form.hospitalId() != null && !hospitals.isVerified(form.hospitalId())) {
            problems.add(new FieldProblem("hospitalId", "must be a hospital that is currently VERIFIED"));
        }
        String coordinator = form.coordinator() == null || form.coordinator().isBlank() ? null : form.coordinator().strip();
        return new Normalized(zone, languages, Boolean.TRUE.equals(form.interpreterAvailable()), status, coordinator);
    }

    /** The common fields as stored. */
    record Normalized(ZoneId zone, List<String> languages, boolean interpreterAvailable, String status, String coordinator) {

        String[] languageArray() {
            return languages.toArray(String[]::new);
        }
    }

    private static ZoneId zone(String timeZone, List<FieldProblem> problems) {
        if (timeZone == null || timeZone.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            // region ids only: a fixed offset would ignore daylight saving where people live
            if (ZoneId.getAvailableZoneIds().contains(timeZone)) {
                return ZoneId.of(timeZone);
            }
        }
        catch (DateTimeException ex) {
            // reported below
        }
        problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as Asia/Shanghai"));
        return DEFAULT_ZONE;
    }

    private static List<String> languages(List<String> tags, List<FieldProblem> problems) {
        if (tags == null || tags.isEmpty()) {
            problems.add(new FieldProblem("languages", "must list at least one language spoken in the window, e.g. [\"en\"]"));
            return List.of();
        }
        if (tags.size() > MAX_LANGUAGES) {
            problems.add(new FieldProblem("languages", "must list at most " + MAX_LANGUAGES + " languages"));
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = canonicalTag(tags.get(i));
            if (tag == null) {
                problems.add(new FieldProblem("languages[" + i + "]", "must be a BCP 47 language tag such as en or pt-BR"));
            }
            else {
                canonical.add(tag);
            }
        }
        return new ArrayList<>(canonical);
    }

    /** The canonical form of a well-formed BCP 47 tag with a language subtag; null otherwise. */
    static String canonicalTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
        }
        catch (IllformedLocaleException ex) {
            return null;
        }
    }

    /** The primary language subtag ({@code pt} of {@code pt-BR}), lower case; null for a missing or bad tag. */
    static String primaryLanguage(String tag) {
        String canonical = canonicalTag(tag);
        return canonical == null ? null : Locale.forLanguageTag(canonical).getLanguage();
    }
}
