package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which hospitals may be recommended right now: for other modules, e.g. a guide may only link
 * hospitals whose verification is current.
 */
@Service
public class HospitalDirectory {

    private final JdbcClient jdbc;

    HospitalDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the profile with this slug is VERIFIED and its latest verification has not lapsed. */
    public boolean isVerified(String slug) {
        return slug != null && !currentlyVerified(List.of(slug)).isEmpty();
    }

    /** The slugs among these that are not currently verified, unknown slugs included. */
    public Set<String> unverified(Collection<String> slugs) {
        Set<String> unverified = new HashSet<>(slugs);
        if (!unverified.isEmpty()) {
            unverified.removeAll(currentlyVerified(unverified));
        }
        return unverified;
    }

    private List<String> currentlyVerified(Collection<String> slugs) {
        return jdbc.sql("""
                select h.slug from hospital h join hospital_verification v on v.id = h.latest_verification_id
                where h.slug in (:slugs) and h.status = 'VERIFIED' and v.expires_on >= :today
                """)
                .param("slugs", slugs).param("today", LocalDate.now())
                .query(String.class).list();
    }
}
