package com.jadecrane.windows;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.windows.WindowViews.AllocationView;
import com.jadecrane.windows.WindowViews.WindowView;

/** Reads of windows and their seats for the admin API. */
@Repository
class WindowQueries {

    static final Map<String, String> SORTABLE = Map.of("startsAt", "starts_at", "endsAt", "ends_at",
            "capacity", "capacity", "seatsTaken", "seats_taken", "seatsFree", "capacity - seats_taken",
            "status", "status", "specialty", "specialty");

    /** Filters of the list; null means "any". {@code from}/{@code to} select windows that overlap that span. */
    record Filter(String status, String specialty, OffsetDateTime from, OffsetDateTime to, Long hospitalId, Long seriesId) {
    }

    private static final String WINDOW_COLUMNS = """
            id, version, series_id, starts_at, ends_at, time_zone, specialty, languages, interpreter_available,
            capacity, seats_taken, hospital_id, coordinator, status, created_at, updated_at""";

    static final String ALLOCATION_SELECT = """
            select a.id, a.entry_id, a.window_id, a.status, a.allocated_at, a.allocated_by, a.job_execution_id,
                   a.hold_expires_at, a.answered_at, a.released_at, a.released_by, a.reason, a.release_reason,
                   e.full_name, e.email, e.preferred_language, e.time_zone as person_time_zone,
                   w.starts_at as window_starts_at, w.time_zone as window_time_zone
            from window_allocation a
            join consultation_window w on w.id = a.window_id
            join waitlist_entry e on e.id = a.entry_id""";

    private final JdbcClient jdbc;

    WindowQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<WindowView> list(Filter filter, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null && !filter.status().isBlank()) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.specialty() != null && !filter.specialty().isBlank()) {
            where.add("specialty = :specialty");
            params.put("specialty", filter.specialty());
        }
        if (filter.from() != null) {
            where.add("ends_at > :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("starts_at < :to");
            params.put("to", filter.to());
        }
        if (filter.hospitalId() != null) {
            where.add("hospital_id = :hospitalId");
            params.put("hospitalId", filter.hospitalId());
        }
        if (filter.seriesId() != null) {
            where.add("series_id = :seriesId");
            params.put("seriesId", filter.seriesId());
        }
        String whereClause = where.isEmpty() ? "" : "where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from consultation_window " + whereClause).params(params)
                .query(Long.class).single();
        List<WindowView> content = jdbc.sql("select " + WINDOW_COLUMNS + " from consultation_window " + whereClause
                + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> window(rs)).list();
        return new Page<>(content, total);
    }

    WindowView find(long id) {
        return jdbc.sql("select " + WINDOW_COLUMNS + " from consultation_window where id = ?").param(id)
                .query((rs, n) -> window(rs)).optional().orElseThrow(() -> new ResourceNotFoundException("Window", id));
    }

    WindowView detail(long id) {
        WindowView window = find(id);
        return window.withAllocations(jdbc.sql(ALLOCATION_SELECT + " where a.window_id = ? order by a.allocated_at, a.id")
                .param(id).query((rs, n) -> allocation(rs)).list());
    }

    AllocationView allocation(long id) {
        return jdbc.sql(ALLOCATION_SELECT + " where a.id = ?").param(id).query((rs, n) -> allocation(rs)).optional()
                .orElseThrow(() -> new ResourceNotFoundException("Allocation", id));
    }

    List<AllocationView> allocationsOfEntry(long entryId) {
        return jdbc.sql(ALLOCATION_SELECT + " where a.entry_id = ? order by a.allocated_at desc, a.id desc").param(entryId)
                .query((rs, n) -> allocation(rs)).list();
    }

    List<WindowView> ofSeries(long seriesId) {
        return jdbc.sql("select " + WINDOW_COLUMNS + " from consultation_window where series_id = ? order by starts_at, id")
                .param(seriesId).query((rs, n) -> window(rs)).list();
    }

    String seriesDescription(long seriesId) {
        return jdbc.sql("select description from window_series where id = ?").param(seriesId).query(String.class)
                .optional().orElseThrow(() -> new ResourceNotFoundException("Window series", seriesId));
    }

    static WindowView window(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        int capacity = rs.getInt("capacity");
        int taken = rs.getInt("seats_taken");
        return new WindowView(rs.getLong("id"), rs.getInt("version"), (Long) rs.getObject("series_id"),
                at(rs, "starts_at", zone), at(rs, "ends_at", zone), zone.getId(), rs.getString("specialty"),
                strings(rs.getArray("languages")), rs.getBoolean("interpreter_available"), capacity, taken,
                capacity - taken, (Long) rs.getObject("hospital_id"), rs.getString("coordinator"), rs.getString("status"),
                at(rs, "created_at", zone), at(rs, "updated_at", zone), null);
    }

    static AllocationView allocation(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("window_time_zone"));
        return new AllocationView(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("window_id"), rs.getString("status"),
                at(rs, "allocated_at", zone), rs.getString("allocated_by"), (Long) rs.getObject("job_execution_id"),
                at(rs, "hold_expires_at", zone), at(rs, "answered_at", zone), at(rs, "released_at", zone),
                rs.getString("released_by"), rs.getString("reason"), rs.getString("release_reason"), rs.getString("full_name"), rs.getString("email"),
                rs.getString("preferred_language"), rs.getString("person_time_zone"), at(rs, "window_starts_at", zone));
    }

    /** A timestamptz column shown with the offset of {@code zone}; null stays null. */
    static OffsetDateTime at(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
