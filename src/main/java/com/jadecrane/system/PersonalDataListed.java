package com.jadecrane.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Somebody saw a page of a list that holds people's names or email addresses: one audit entry per
 * request (which list, the filter, how many rows), however many people the page shows, so the log
 * records every bulk look without one row per person. The single-person views have events of their
 * own (e.g. the waitlist's {@code PersonalDataViewed}).
 * <p>
 * Neither the rows nor a search term are recorded: a search term is often itself an email address
 * or a name, which the audit log must not hold (it is kept after an erasure), so it is recorded as
 * {@link #SEARCH_GIVEN}. A hash would not do: an email's hash is found again by hashing guesses.
 *
 * @param rows rows on the page shown
 * @param total rows matching the filter (a lower bound for lists that count only so far)
 */
public record PersonalDataListed(String list, Map<String, String> filter, int rows, long total, String listedBy) {

    /** What the filter says of a search term. */
    public static final String SEARCH_GIVEN = "(search given)";

    public PersonalDataListed {
        filter = Map.copyOf(filter);
    }

    public static PersonalDataListed of(String list, Page<?> page, String listedBy, Object... namesAndValues) {
        return of(list, page.content().size(), page.total(), listedBy, namesAndValues);
    }

    /**
     * @param namesAndValues the request's filter, name then value; blank values are left out, and
     *        {@link #search} marks a search term
     */
    public static PersonalDataListed of(String list, int rows, long total, String listedBy, Object... namesAndValues) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                filter.put(namesAndValues[i].toString(), value.toString());
            }
        }
        return new PersonalDataListed(list, filter, rows, total, listedBy);
    }

    /** A search term as the filter records it: whether one was given, never the term. */
    public static String search(String term) {
        return term == null || term.isBlank() ? null : SEARCH_GIVEN;
    }
}
