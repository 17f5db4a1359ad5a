package com.jadecrane.waitlist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.ConflictException;
import com.jadecrane.system.DurableCommits;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.waitlist.PersonalDataHolder.DataSubject;
import com.jadecrane.waitlist.WaitlistViews.EntryDetail;
import com.jadecrane.waitlist.WaitlistViews.PersonalDataExport;

/**
 * What ops decide about people on the waitlist: undo a merge, settle a possible duplicate, and the
 * data-subject requests (export, erase). Each runs in one transaction and locks the rows it changes.
 */
@Service
class WaitlistAdministration {

    enum Decision {
        SAME, DISTINCT
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final EntrySummaries summaries;
    private final WaitlistQueries queries;
    private final List<PersonalDataHolder> holders;
    private final DurableCommits durableCommits;

    WaitlistAdministration(JdbcClient jdbc, ApplicationEventPublisher events, EntrySummaries summaries,
            WaitlistQueries queries, List<PersonalDataHolder> holders, DurableCommits durableCommits) {
        this.durableCommits = durableCommits;
        this.jdbc = jdbc;
        this.events = events;
        this.summaries = summaries;
        this.queries = queries;
        this.holders = holders;
    }

    /**
     * The merged sign-up becomes its own entry again, marked kept apart (and the sign-up merge-blocked)
     * so the dedupe job never merges it back; the entry it left is recomputed from its other sign-ups.
     * Refused for an erased person (the new entry would be an active person with no email, whom the
     * allocation would seat) and for a sign-up a later merge has moved on (it is not the merge's to give back).
     */
    @Transactional
    long undoMerge(long mergeId, String username) {
        Map<String, Object> merge = lockMerge(mergeId);
        if (merge.get("undone_at") != null) {
            throw new ConflictException("Merge " + mergeId + " was already undone");
        }
        long fromEntry = (Long) merge.get("entry_id");
        long signupId = (Long) merge.get("signup_id");
        // the entry's lock keeps a merge or erasure of it from running between these checks and the undo
        String status = jdbc.sql("select status from waitlist_entry where id = ? for update").param(fromEntry)
                .query(String.class).single();
        if ("ERASED".equals(status)) {
            throw new ConflictException("Merge " + mergeId + " cannot be undone: waitlist entry " + fromEntry
                    + " was erased");
        }
        long signupEntry = jdbc.sql("select entry_id from waitlist_signup where id = ? for update").param(signupId)
                .query(Long.class).single();
        if (signupEntry != fromEntry) {
            throw new ConflictException("Merge " + mergeId + " cannot be undone: sign-up " + signupId
                    + " has moved from waitlist entry " + fromEntry + " to " + signupEntry + " by a later merge");
        }
        long newEntry = jdbc.sql("""
                insert into waitlist_entry (identity_key, kept_apart, canonical_signup_id, queued_at, email, full_name,
                    name_key, country, preferred_language, time_zone, preferences_at, specialties, source_pages,
                    signup_count)
                select identity_key, true, id, received_at, email, full_name, name_key, country, preferred_language,
                       time_zone, received_at, array[specialty], array[source_page], 1
                from waitlist_signup where id = ?
                returning id""").param(signupId).query(Long.class).single();
        jdbc.sql("""
                update waitlist_signup set entry_id = ?, state = 'CANONICAL', duplicate_of = null, merge_blocked = true
                where id = ?""").params(newEntry, signupId).update();
        jdbc.sql("update waitlist_merge set undone_at = now(), undone_by = ?, undone_to_entry_id = ? where id = ?")
                .params(username, newEntry, mergeId).update();
        summaries.recompute(fromEntry);
        events.publishEvent(new WaitlistMergeUndone(mergeId, fromEntry, newEntry, username));
        return newEntry;
    }

    private Map<String, Object> lockMerge(long mergeId) {
        return jdbc.sql("select entry_id, signup_id, undone_at from waitlist_merge where id = ? for update")
                .param(mergeId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Merge", mergeId));
    }

    /**
     * DISTINCT closes the pair for good. SAME merges the later-queued entry into the earlier one: its
     * sign-ups move over as duplicates (each merge recorded, so it can be undone) and it stays behind as
     * MERGED, pointing at the entry that now holds them.
     */
    @Transactional
    void resolve(long possibleDuplicateId, Decision decision, String username) {
        Map<String, Object> pair = jdbc.sql("""
                select entry_a, entry_b, status from waitlist_possible_duplicate where id = ? for update""")
                .param(possibleDuplicateId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Possible duplicate", possibleDuplicateId));
        if (!"OPEN".equals(pair.get("status"))) {
            throw new ConflictException("Possible duplicate " + possibleDuplicateId + " was already decided: " + pair.get("status"));
        }
        if (decision == Decision.SAME) {
            merge((Long) pair.get("entry_a"), (Long) pair.get("entry_b"), username);
        }
        jdbc.sql("update waitlist_possible_duplicate set status = ?, decided_by = ?, decided_at = now() where id = ?")
                .params(decision == Decision.SAME ? "CONFIRMED_SAME" : "DISTINCT", username, possibleDuplicateId).update();
    }

    private void merge(long entryA, long entryB, String username) {
        List<Map<String, Object>> entries = jdbc.sql("""
                select id, status, canonical_signup_id from waitlist_entry where id in (?, ?)
                order by queued_at, id for update""").params(entryA, entryB).query().listOfRows();
        if (entries.size() != 2 || entries.stream().anyMatch(e -> !"ACTIVE".equals(e.get("status")))) {
            throw new ConflictException("Only two active entries can be merged");
        }
        long keep = (Long) entries.get(0).get("id");
        long canonical = (Long) entries.get(0).get("canonical_signup_id");
        long gone = (Long) entries.get(1).get("id");
        int moved = jdbc.sql("""
                with moved as (
                    update waitlist_signup set entry_id = :keep, state = 'DUPLICATE', duplicate_of = :canonical
                    where entry_id = :gone returning id)
                insert into waitlist_merge (entry_id, signup_id, decided_by) select :keep, id, :username from moved""")
                .param("keep", keep).param("canonical", canonical).param("gone", gone).param("username", username)
                .update();
        jdbc.sql("update waitlist_entry set status = 'MERGED', merged_into = ?, signup_count = 0, version = version + 1, updated_at = now() where id = ?")
                .params(keep, gone).update();
        // entries merged into the one that goes now point at the one kept, so merged_into always names a
        // live entry: the dedupe job files their later sign-ups there, and erasure finds them one step away
        jdbc.sql("update waitlist_entry set merged_into = ?, version = version + 1, updated_at = now() where merged_into = ?")
                .params(keep, gone).update();
        summaries.recompute(keep);
        events.publishEvent(new WaitlistEntryMerged(keep, moved, null, username));
    }

    /**
     * Anonymizes a person: every personal column of their sign-ups and entry (and of entries merged
     * into it) becomes null, the identity key a random value (so they can sign up afresh as someone
     * new), the status ERASED. Kept for the counts: country, specialty, source page, language, dates
     * and the consent flags. Open possible-duplicate pairs with them are removed. Every
     * {@link PersonalDataHolder} erases its rows of the person in this same transaction (their
     * addresses are read first: the mail sent to them is found by address).
     */
    @Transactional
    int erase(long entryId, String username) {
        // an erasure lost in a crash would bring the person back
        durableCommits.require("erasing personal data");
        DataSubject person = personOf(entryId, " for update");
        List<Long> entries = person.entryIds();
        holders.forEach(holder -> holder.erase(person, username));
        int signups = jdbc.sql("""
                update waitlist_signup set email = null, full_name = null, name_key = null, time_zone = null,
                    message = null, client_ip_hash = null, user_agent = null,
                    identity_key = 'erased:' || gen_random_uuid()
                where entry_id in (:entries)""").param("entries", entries).update();
        jdbc.sql("""
                update waitlist_entry set email = null, full_name = null, name_key = null, time_zone = null,
                    identity_key = 'erased:' || gen_random_uuid(), status = 'ERASED', version = version + 1,
                    updated_at = now()
                where id in (:entries)""").param("entries", entries).update();
        jdbc.sql("""
                delete from waitlist_possible_duplicate
                where status = 'OPEN' and (entry_a in (:entries) or entry_b in (:entries))""")
                .param("entries", entries).update();
        events.publishEvent(new PersonalDataErased(entryId, signups, username));
        return signups;
    }

    /**
     * Everything held about one person (a data-subject access request): the entry with its sign-ups,
     * merges and possible duplicates, then each {@link PersonalDataHolder}'s section. Read in one
     * transaction, so the sections agree with each other; not a read-only one, since the audit log
     * writes {@link PersonalDataExported} in it.
     */
    @Transactional
    PersonalDataExport export(long entryId, String username) {
        EntryDetail entry = queries.detail(entryId);
        DataSubject person = personOf(entryId, "");
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PersonalDataHolder holder : holders) {
            if (sections.put(holder.section(), holder.recordsOf(person)) != null) {
                throw new IllegalStateException("Two personal data holders report the section " + holder.section());
            }
        }
        events.publishEvent(new PersonalDataExported(entryId, username));
        return new PersonalDataExport(entry, sections);
    }

    /**
     * The person of an entry: it and the entries merged into it (merges repoint earlier ones, so one
     * step reaches them all), with every address they and their sign-ups carry, lower case.
     *
     * @param lock {@code " for update"} to lock the entries, or empty
     */
    private DataSubject personOf(long entryId, String lock) {
        List<Long> entries = jdbc.sql("select id from waitlist_entry where id = ? or merged_into = ? order by id" + lock)
                .params(entryId, entryId).query(Long.class).list();
        if (!entries.contains(entryId)) {
            throw new ResourceNotFoundException("Waitlist entry", entryId);
        }
        return new DataSubject(entryId, entries, emailsOf(entries));
    }

    private Set<String> emailsOf(List<Long> entries) {
        return new TreeSet<>(jdbc.sql("""
                select lower(email) from waitlist_signup where entry_id in (:entries) and email is not null
                union
                select lower(email) from waitlist_entry where id in (:entries) and email is not null""")
                .param("entries", entries).query(String.class).list());
    }
}
