package com.jadecrane.waitlist;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files NEW sign-ups under one entry per identity key, a range of keys per chunk, in two set-based
 * statements: find the range, then upsert the entries (queued at the earliest sign-up, the newest
 * contact preferences, the union of specialties and source pages), mark each sign-up CANONICAL or
 * DUPLICATE and record a merge for every duplicate, all in one statement. Only NEW sign-ups are touched, so a second run
 * finds nothing to do.
 * <p>
 * A sign-up whose identity key belongs to an entry that ops merged into another (a SAME decision) is
 * filed under that other entry, which a second statement then recomputes from its sign-ups: the
 * upsert cannot add to it, because it only reaches the merged entry through the key, and a data-modifying
 * CTE may not update one row twice. Only those few entries are recomputed, never the chunk's others.
 */
class NewSignupFiling extends ResumableChunkTasklet {

    static final String NAME = "newSignupFiling";

    /**
     * One statement per chunk, like the reference: group the range's NEW sign-ups by identity key,
     * upsert their entries, mark each sign-up CANONICAL or DUPLICATE, record a merge per duplicate.
     */
    private static final String FILE_CHUNK = """
            with incoming as (
                select identity_key,
                       min(received_at) as first_at,
                       (array_agg(id order by received_at, id))[1] as first_id,
                       max(received_at) as last_at,
                       (array_agg(array[email, full_name, name_key, country, preferred_language, time_zone]
                                  order by received_at desc, id desc)) as newest,
                       array_agg(distinct specialty) as specialties,
                       array_agg(distinct source_page) as source_pages,
                       count(*) as signups
                from waitlist_signup
                where state = 'NEW' and identity_key > :after and identity_key <= :upTo
                group by identity_key),
            upserted as (
                insert into waitlist_entry as e (identity_key, canonical_signup_id, queued_at, email, full_name,
                    name_key, country, preferred_language, time_zone, preferences_at, specialties, source_pages, signup_count)
                select identity_key, first_id, first_at, newest[1][1], newest[1][2], newest[1][3], newest[1][4],
                       newest[1][5], newest[1][6], last_at, specialties, source_pages, signups
                from incoming
                on conflict (identity_key) where not kept_apart do update set
                    -- a merged entry keeps what it had when it was merged (no sign-up is filed under it); it is
                    -- still updated so that returning names it and its merged_into
                    email = case when e.merged_into is null and excluded.preferences_at >= e.preferences_at then excluded.email else e.email end,
                    full_name = case when e.merged_into is null and excluded.preferences_at >= e.preferences_at then excluded.full_name else e.full_name end,
                    name_key = case when e.merged_into is null and excluded.preferences_at >= e.preferences_at then excluded.name_key else e.name_key end,
                    country = case when e.merged_into is null and excluded.preferences_at >= e.preferences_at then excluded.country else e.country end,
                    preferred_language = case when e.merged_into is null and excluded.preferences_at >= e.preferences_at then excluded.preferred_language else e.preferred_language end,
                    time_zone = case when e.merged_into is null and excluded.preferences_at >= e.preferences_at then excluded.time_zone else e.time_zone end,
                    preferences_at = case when e.merged_into is null then greatest(excluded.preferences_at, e.preferences_at) else e.preferences_at end,
                    specialties = case when e.merged_into is null
                        then array(select distinct s from unnest(e.specialties || excluded.specialties) s order by s) else e.specialties end,
                    source_pages = case when e.merged_into is null
                        then array(select distinct p from unnest(e.source_pages || excluded.source_pages) p order by p) else e.source_pages end,
                    signup_count = case when e.merged_into is null then e.signup_count + excluded.signup_count else e.signup_count end,
                    version = e.version + 1,
                    updated_at = now()
                returning e.id, e.identity_key, e.canonical_signup_id, e.merged_into, (xmax = 0) as inserted),
            filed as (
                update waitlist_signup s set
                    entry_id = coalesce(u.merged_into, u.id),
                    state = case when s.id = u.canonical_signup_id then 'CANONICAL' else 'DUPLICATE' end,
                    -- under a merged entry's key, a duplicate of the canonical sign-up of the entry it was merged
                    -- into, as the merge made its other sign-ups (the subquery runs for those rows alone)
                    duplicate_of = case when s.id = u.canonical_signup_id then null
                                        when u.merged_into is null then u.canonical_signup_id
                                        else (select canonical_signup_id from waitlist_entry where id = u.merged_into) end
                from upserted u
                where s.state = 'NEW' and s.identity_key > :after and s.identity_key <= :upTo
                  and s.identity_key = u.identity_key
                returning s.id, s.entry_id, s.state, u.merged_into is not null as redirected),
            merged as (
                insert into waitlist_merge (entry_id, signup_id, job_execution_id)
                select entry_id, id, :jobExecutionId from filed where state = 'DUPLICATE')
            select f.entry_id, count(*) as filed, count(*) filter (where f.state = 'DUPLICATE') as merged,
                   (select count(*) from upserted where inserted) as new_people, bool_or(f.redirected) as redirected
            from filed f group by f.entry_id""";

    /** One entry's share of a chunk; redirected when its sign-ups came under the key of an entry merged into it. */
    private record FiledEntry(long entryId, long filed, long merged, long newPeople, boolean redirected) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final EntrySummaries summaries;
    private final int chunkSize;

    NewSignupFiling(JdbcClient jdbc, ApplicationEventPublisher events, EntrySummaries summaries, int chunkSize) {
        super(NAME);
        this.jdbc = jdbc;
        this.events = events;
        this.summaries = summaries;
        this.chunkSize = chunkSize;
    }

    /** The last key of a chunk and one sign-up under it, which the step keeps as its restart position. */
    private record ChunkEnd(String identityKey, long signupId) {
    }

    @Override
    ChunkResult processChunkAfter(long afterId, long jobExecutionId) {
        String afterKey = afterKey(afterId);
        ChunkEnd end = jdbc.sql("""
                select identity_key, id as signup_id from (
                    select identity_key, id from waitlist_signup where state = 'NEW' and identity_key > ?
                    order by identity_key limit ?) chunk
                order by identity_key desc, id desc limit 1""")
                .params(afterKey, chunkSize).query(ChunkEnd.class).optional().orElse(null);
        if (end == null) {
            return null;
        }
        String upTo = end.identityKey();
        List<FiledEntry> filed = jdbc.sql(FILE_CHUNK).param("after", afterKey).param("upTo", upTo)
                .param("jobExecutionId", jobExecutionId).query(FiledEntry.class).list();
        long merged = 0;
        long read = 0;
        long newPeople = filed.isEmpty() ? 0 : filed.get(0).newPeople();
        List<Long> redirected = new ArrayList<>();
        for (FiledEntry entry : filed) {
            read += entry.filed();
            merged += entry.merged();
            if (entry.redirected()) {
                redirected.add(entry.entryId());
            }
            if (entry.merged() > 0) {
                events.publishEvent(new WaitlistEntryMerged(entry.entryId(), (int) entry.merged(), jobExecutionId, null));
            }
        }
        // same transaction as the chunk statement, so the step commits both or neither
        summaries.recompute(redirected);
        return new ChunkResult(end.signupId(), read, merged, newPeople);
    }

    /**
     * The key of the sign-up a restart resumes after. From the first key is always correct too (a
     * filed sign-up is no longer NEW), only slower; so is it where that sign-up has been erased
     * meanwhile, since erasure replaces its key.
     */
    private String afterKey(long afterId) {
        return afterId == 0 ? "" : jdbc.sql("select identity_key from waitlist_signup where id = ? and identity_key not like 'erased:%'")
                .param(afterId).query(String.class).optional().orElse("");
    }

    @Override
    String describe(long read, long written, long extra) {
        return "sign-ups read: " + read + ", merged as duplicates: " + written + ", new people: " + extra;
    }
}
