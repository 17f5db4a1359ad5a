package com.jadecrane.waitlist;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.waitlist.WaitlistViews.Consent;
import com.jadecrane.waitlist.WaitlistViews.EntryDetail;
import com.jadecrane.waitlist.WaitlistViews.EntrySummary;
import com.jadecrane.waitlist.WaitlistViews.Merge;
import com.jadecrane.waitlist.WaitlistViews.PossibleDuplicate;
import com.jadecrane.waitlist.WaitlistViews.Signup;

/** Reads for the admin screens; every filter maps to an index (see the waitlist migration). */
@Repository
class WaitlistQueries {

    static final Map<String, String> SORTABLE = Map.of("queuedAt", "queued_at", "email", "email",
            "fullName", "full_name", "country", "country", "signupCount", "signup_count", "status", "status");

    /** Filters of the list; null means "any". */
    record Filter(String q, String status, String specialty, String country, String sourcePage, LocalDate signedUpFrom,
            LocalDate signedUpTo) {
    }

    /**
     * How many matching entries past the page's start the list counts. Counting every match of a
     * common filter (a million people, a large country) costs more than the page itself on each call;
     * beyond this the total reads "more than", and it moves on as ops page further.
     */
    static final int COUNTED_AHEAD = 1_000;

    private static final String ENTRY_COLUMNS = """
            id, email, full_name, country, preferred_language, time_zone, specialties, source_pages, status,
            queued_at, signup_count, kept_apart, version""";

    private final JdbcClient jdbc;

    WaitlistQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The entries of one specialty, shaped like {@code waitlist_entry} rows so that the list's filters
     * and order apply unchanged, read through {@code waitlist_entry_specialty} (see its migration) when
     * a country is given too: its index holds a specialty's entries of a country in queue order, so the
     * bounded count and the page each read one short index range instead of testing the specialties
     * of every entry of the country. Country, status and queue time come from that table, so
     * PostgreSQL filters and orders on its index; the join is a left join, always matched (the
     * database keeps a row per entry and specialty), so that PostgreSQL drops it when a query reads
     * none of the entry's own columns, as the count does.
     */
    private static final String ENTRIES_OF_SPECIALTY = """
            (select k.entry_id as id, k.country, k.queued_at, k.status, e.email, e.full_name, e.preferred_language,
                    e.time_zone, e.specialties, e.source_pages, e.signup_count, e.kept_apart, e.version, e.search_text
             from waitlist_entry_specialty k left join waitlist_entry e on e.id = k.entry_id
             where k.specialty = :specialty) waitlist_entry""";

    /**
     * Planned for the values of each call. After a few calls the driver prepares the statements on
     * the server, and PostgreSQL may then keep one generic plan for every value: for a country and a
     * specialty it estimates few matches and picks a bitmap of both indexes plus a sort, 25 to 250 ms
     * a call at a million entries, where the queue-order index finds the page in under 1 ms.
     */
    @Transactional(readOnly = true)
    Page<EntrySummary> list(Filter filter, PageQuery page) {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (given(filter.q())) {
            where.add("search_text like :q");
            params.put("q", "%" + escapeLike(filter.q().strip().toLowerCase()) + "%");
        }
        if (given(filter.status())) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        else {
            // merged entries live on inside the entry they were merged into
            where.add("status <> 'MERGED'");
        }
        boolean bySpecialtyAndCountry = given(filter.specialty()) && given(filter.country());
        if (given(filter.specialty())) {
            if (!bySpecialtyAndCountry) {
                where.add("specialties @> array[cast(:specialty as text)]");
            }
            params.put("specialty", filter.specialty());
        }
        if (given(filter.country())) {
            where.add("country = :country");
            params.put("country", filter.country());
        }
        if (given(filter.sourcePage())) {
            where.add("source_pages @> array[cast(:sourcePage as text)]");
            params.put("sourcePage", filter.sourcePage());
        }
        if (filter.signedUpFrom() != null) {
            where.add("queued_at >= :from");
            params.put("from", Timestamp.from(filter.signedUpFrom().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.signedUpTo() != null) {
            where.add("queued_at < :to");
            params.put("to", Timestamp.from(filter.signedUpTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        String entries = bySpecialtyAndCountry ? ENTRIES_OF_SPECIALTY : "waitlist_entry";
        String condition = " where " + String.join(" and ", where);
        long countBound = page.offset() + COUNTED_AHEAD;
        long counted = jdbc.sql("select count(*) from (select 1 from " + entries + condition
                + " limit :countLimit) matching").params(params).param("countLimit", countBound + 1).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<EntrySummary> content = jdbc.sql("select " + ENTRY_COLUMNS + " from " + entries + condition
                + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(params).query(WaitlistQueries::summary).list();
        return Page.countedUpTo(content, counted, countBound);
    }

    EntryDetail detail(long id) {
        EntrySummary entry = jdbc.sql("select " + ENTRY_COLUMNS + " from waitlist_entry where id = ?").param(id)
                .query(WaitlistQueries::summary).optional()
                .orElseThrow(() -> new ResourceNotFoundException("Waitlist entry", id));
        Map<String, Object> extra = jdbc.sql("select merged_into, canonical_signup_id from waitlist_entry where id = ?")
                .param(id).query().singleRow();
        List<Signup> signups = jdbc.sql("""
                select * from waitlist_signup where entry_id = ? order by received_at, id""").param(id)
                .query(SIGNUP).list();
        List<Merge> merges = jdbc.sql("""
                select * from waitlist_merge where entry_id = ? or undone_to_entry_id = ? order by merged_at, id""")
                .params(id, id).query(MERGE).list();
        return new EntryDetail(entry.id(), entry.email(), entry.fullName(), entry.country(), entry.preferredLanguage(),
                entry.timeZone(), entry.specialties(), entry.sourcePages(), entry.status(), entry.queuedAt(),
                entry.signupCount(), entry.keptApart(), (Long) extra.get("merged_into"),
                (Long) extra.get("canonical_signup_id"), entry.version(), signups, merges,
                possibleDuplicates("where d.entry_a = :id or d.entry_b = :id", Map.of("id", id), PageQuery.of(0,
                        PageQuery.MAX_SIZE, null, Map.of(), "d.id", "d.id"), id).content());
    }

    /** Possible duplicates, seen from {@code perspective} (that entry first) or from entry a when null. */
    Page<PossibleDuplicate> possibleDuplicates(String condition, Map<String, Object> params, PageQuery page, Long perspective) {
        long total = jdbc.sql("select count(*) from waitlist_possible_duplicate d " + condition).params(params)
                .query(Long.class).single();
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", page.size());
        all.put("offset", page.offset());
        List<PossibleDuplicate> content = jdbc.sql("""
                select d.*, a.email as a_email, a.full_name as a_name, a.country as a_country,
                       b.email as b_email, b.full_name as b_name, b.country as b_country
                from waitlist_possible_duplicate d
                join waitlist_entry a on a.id = d.entry_a join waitlist_entry b on b.id = d.entry_b
                """ + condition + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(all).query((rs, row) -> possibleDuplicate(rs, perspective)).list();
        return new Page<>(content, total);
    }

    private static PossibleDuplicate possibleDuplicate(ResultSet rs, Long perspective) throws SQLException {
        boolean flip = perspective != null && rs.getLong("entry_b") == perspective;
        String self = flip ? "b" : "a";
        String other = flip ? "a" : "b";
        return new PossibleDuplicate(rs.getLong("id"), rs.getLong("entry_" + self), rs.getString(self + "_email"),
                rs.getString(self + "_name"), rs.getString(self + "_country"), rs.getLong("entry_" + other),
                rs.getString(other + "_email"), rs.getString(other + "_name"), rs.getString("reason"),
                rs.getString("status"), instant(rs, "found_at"), rs.getString("decided_by"), instant(rs, "decided_at"));
    }

    private static EntrySummary summary(ResultSet rs, int row) throws SQLException {
        return new EntrySummary(rs.getLong("id"), rs.getString("email"), rs.getString("full_name"),
                rs.getString("country"), rs.getString("preferred_language"), rs.getString("time_zone"),
                strings(rs.getArray("specialties")), strings(rs.getArray("source_pages")), rs.getString("status"),
                instant(rs, "queued_at"), rs.getInt("signup_count"), rs.getBoolean("kept_apart"), rs.getInt("version"));
    }

    private static final RowMapper<Signup> SIGNUP = (rs, row) -> new Signup(rs.getLong("id"), instant(rs, "received_at"),
            rs.getString("email"), rs.getString("full_name"), rs.getString("country"), rs.getString("preferred_language"),
            rs.getString("time_zone"), rs.getString("specialty"), rs.getString("source_page"), rs.getString("message"),
            new Consent(rs.getBoolean("consent_data_processing"), rs.getBoolean("consent_cross_border"),
                    rs.getBoolean("consent_marketing"), rs.getString("consent_text_version"),
                    instant(rs, "consent_accepted_at")),
            rs.getString("user_agent"), rs.getString("state"), (Long) rs.getObject("duplicate_of"),
            rs.getBoolean("merge_blocked"));

    private static final RowMapper<Merge> MERGE = (rs, row) -> new Merge(rs.getLong("id"), rs.getLong("entry_id"),
            rs.getLong("signup_id"), (Long) rs.getObject("job_execution_id"), rs.getString("decided_by"),
            instant(rs, "merged_at"), instant(rs, "undone_at"), rs.getString("undone_by"),
            (Long) rs.getObject("undone_to_entry_id"));

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static boolean given(String filterValue) {
        return filterValue != null && !filterValue.isBlank();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
