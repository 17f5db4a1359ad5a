package com.jadecrane.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What the admin API answers about waitlist people (JSON records). */
final class WaitlistViews {

    private WaitlistViews() {
    }

    /** One row of the waitlist list. */
    record EntrySummary(long id, String email, String fullName, String country, String preferredLanguage,
            String timeZone, List<String> specialties, List<String> sourcePages, String status, Instant queuedAt,
            int signupCount, boolean keptApart, int version) {
    }

    record Consent(boolean dataProcessing, boolean crossBorderTransfer, boolean marketing, String textVersion,
            Instant acceptedAt) {
    }

    record Signup(long id, Instant receivedAt, String email, String fullName, String country, String preferredLanguage,
            String timeZone, String specialty, String sourcePage, String message, Consent consent, String userAgent,
            String state, Long duplicateOf, boolean mergeBlocked) {
    }

    record Merge(long id, long entryId, long signupId, Long jobExecutionId, String decidedBy, Instant mergedAt,
            Instant undoneAt, String undoneBy, Long undoneToEntryId) {
    }

    record PossibleDuplicate(long id, long entryId, String email, String fullName, String country,
            long otherEntryId, String otherEmail, String otherFullName, String reason, String status,
            Instant foundAt, String decidedBy, Instant decidedAt) {
    }

    /** One person with everything held about them: the detail screen and the data-subject export. */
    record EntryDetail(long id, String email, String fullName, String country, String preferredLanguage,
            String timeZone, List<String> specialties, List<String> sourcePages, String status, Instant queuedAt,
            int signupCount, boolean keptApart, Long mergedInto, Long canonicalSignupId, int version,
            List<Signup> signups, List<Merge> merges, List<PossibleDuplicate> possibleDuplicates) {
    }

    /**
     * The data-subject export: the entry's own fields as on the detail screen, then one key per
     * {@link PersonalDataHolder} section (allocations, invitations, emails) beside them. A class with
     * getters, not a record: Jackson unwraps and spreads a map from getters reliably.
     */
    static final class PersonalDataExport {

        private final EntryDetail entry;
        private final Map<String, Object> sections;

        PersonalDataExport(EntryDetail entry, Map<String, Object> sections) {
            this.entry = entry;
            this.sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
        }

        @JsonUnwrapped
        public EntryDetail getEntry() {
            return entry;
        }

        @JsonAnyGetter
        public Map<String, Object> getSections() {
            return sections;
        }
    }

    /** What one dedupe run did. */
    record DedupeRun(long executionId, String status, String exitDescription, List<StepCounts> steps) {
    }

    record StepCounts(String name, String status, long readCount, long writeCount, String exitDescription) {
    }
}
