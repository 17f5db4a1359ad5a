package com.jadecrane.waitlist;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An entry's summary columns (contact preferences from the newest sign-up, the union of specialties
 * and source pages, the count) computed afresh from the sign-ups it holds. Used wherever sign-ups
 * reach an entry other than through the dedupe job's own upsert: a person's merge and undo, and the
 * job's filing of a sign-up under the entry its own entry was merged into.
 */
@Component
class EntrySummaries {

    private final JdbcClient jdbc;

    EntrySummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recompute(long entryId) {
        recompute(List.of(entryId));
    }

    /** One statement for all the given entries; the caller's transaction holds it with its own changes. */
    void recompute(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return;
        }
        // an array, not an expanded list: a chunk of the dedupe job may bring more ids than a statement takes parameters
        jdbc.sql("""
                update waitlist_entry e set
                    (email, full_name, name_key, country, preferred_language, time_zone, preferences_at) =
                        (select email, full_name, name_key, country, preferred_language, time_zone, received_at
                         from waitlist_signup where entry_id = e.id order by received_at desc, id desc limit 1),
                    specialties = array(select distinct specialty from waitlist_signup where entry_id = e.id and specialty is not null order by 1),
                    source_pages = array(select distinct source_page from waitlist_signup where entry_id = e.id and source_page is not null order by 1),
                    signup_count = (select count(*) from waitlist_signup where entry_id = e.id),
                    version = e.version + 1,
                    updated_at = now()
                where id = any(?)""").param(entryIds.toArray(Long[]::new)).update();
    }
}
