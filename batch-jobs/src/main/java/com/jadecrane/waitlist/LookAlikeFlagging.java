package com.jadecrane.waitlist;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flags look-alikes for a person to decide, never merging them: an active entry not yet checked gets
 * a possible-duplicate row with the earliest other active entry of the same normalized name and
 * country but a different identity key. Pairing with the earliest keeps the rows linear in the number
 * of entries (a common name in a big country would otherwise make every pair). Decided pairs are
 * kept (the unique pair key makes a DISTINCT decision stick).
 */
class LookAlikeFlagging extends ResumableChunkTasklet {

    static final String NAME = "lookAlikeFlagging";
    static final String REASON = "same normalized name and country";

    private static final String FLAG = """
            with unchecked as (
                select id, name_key, country, identity_key from waitlist_entry
                where not look_alikes_checked and id > :after
                order by id limit :chunkSize),
            pairs as (
                select u.id, (select o.id from waitlist_entry o
                              where o.status = 'ACTIVE' and o.name_key = u.name_key and o.country = u.country
                                and o.id <> u.id and o.identity_key <> u.identity_key
                              order by o.id limit 1) as other
                from unchecked u join waitlist_entry self on self.id = u.id
                where self.status = 'ACTIVE' and u.name_key is not null),
            flagged as (
                insert into waitlist_possible_duplicate (entry_a, entry_b, reason)
                select least(id, other), greatest(id, other), :reason from pairs where other is not null
                on conflict (entry_a, entry_b) do nothing
                returning 1),
            checked as (
                update waitlist_entry set look_alikes_checked = true where id in (select id from unchecked))
            select (select max(id) from unchecked) as last_id, (select count(*) from unchecked) as read,
                   (select count(*) from flagged) as flagged""";

    private record Checked(Long lastId, long read, long flagged) {
    }

    private final JdbcClient jdbc;
    private final int chunkSize;

    LookAlikeFlagging(JdbcClient jdbc, int chunkSize) {
        super(NAME);
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    @Override
    String firstKey() {
        return "0";
    }

    @Override
    ChunkResult processChunkAfter(String afterKey, long jobExecutionId) {
        Checked checked = jdbc.sql(FLAG).param("after", Long.parseLong(afterKey)).param("chunkSize", chunkSize)
                .param("reason", REASON).query(Checked.class).single();
        if (checked.lastId() == null) {
            return null;
        }
        return new ChunkResult(Long.toString(checked.lastId()), checked.read(), checked.flagged(), 0);
    }

    @Override
    String describe(long read, long written, long extra) {
        return "entries checked for look-alikes: " + read + ", possible duplicates flagged: " + written;
    }
}
