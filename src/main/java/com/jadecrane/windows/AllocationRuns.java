package com.jadecrane.windows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.windows.WindowViews.OutcomeView;
import com.jadecrane.windows.WindowViews.ReasonCount;
import com.jadecrane.windows.WindowViews.RunView;

/** What each run of the allocation job decided (dry runs included), for the admin UI. */
@Repository
class AllocationRuns {

    static final Map<String, String> SORTABLE = Map.of("runAt", "run_at", "startedAt", "started_at",
            "allocated", "allocated", "unallocated", "unallocated");
    static final Map<String, String> OUTCOME_SORTABLE = Map.of("queuePosition", "o.queue_position");

    private final JdbcClient jdbc;

    AllocationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<RunView> list(Boolean dryRun, PageQuery page) {
        String where = dryRun == null ? "" : "where dry_run = :dryRun";
        Map<String, Object> params = new HashMap<>();
        if (dryRun != null) {
            params.put("dryRun", dryRun);
        }
        long total = jdbc.sql("select count(*) from allocation_run " + where).params(params).query(Long.class).single();
        List<RunView> runs = jdbc.sql("select * from allocation_run " + where + " order by " + page.orderBy()
                + " limit :limit offset :offset").params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> run(rs, null)).list();
        return new Page<>(runs, total);
    }

    RunView find(long jobExecutionId) {
        List<ReasonCount> reasons = jdbc.sql("""
                select reason, count(*) from allocation_outcome where job_execution_id = ? and reason is not null
                group by reason order by count(*) desc, reason""").param(jobExecutionId)
                .query((rs, n) -> new ReasonCount(rs.getString(1), rs.getLong(2))).list();
        return jdbc.sql("select * from allocation_run where job_execution_id = ?").param(jobExecutionId)
                .query((rs, n) -> run(rs, reasons)).optional()
                .orElseThrow(() -> new ResourceNotFoundException("Allocation run", jobExecutionId));
    }

    /** @param outcome ALLOCATED, UNALLOCATED or null for both; {@code reason} narrows the unallocated ones */
    Page<OutcomeView> outcomes(long jobExecutionId, String outcome, String reason, PageQuery page) {
        find(jobExecutionId);
        List<String> where = new ArrayList<>(List.of("o.job_execution_id = :run"));
        Map<String, Object> params = new HashMap<>(Map.of("run", jobExecutionId));
        if (outcome != null && !outcome.isBlank()) {
            switch (outcome) {
                case "ALLOCATED" -> where.add("o.window_id is not null");
                case "UNALLOCATED" -> where.add("o.window_id is null");
                default -> throw new InvalidInputException("outcome", "must be ALLOCATED or UNALLOCATED");
            }
        }
        if (reason != null && !reason.isBlank()) {
            where.add("o.reason = :reason");
            params.put("reason", reason);
        }
        String whereClause = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from allocation_outcome o" + whereClause).params(params).query(Long.class).single();
        List<OutcomeView> rows = jdbc.sql("""
                select o.queue_position, o.entry_id, o.window_id, o.reason, e.full_name, e.preferred_language,
                       e.time_zone as person_time_zone, e.specialties, w.starts_at, w.time_zone as window_time_zone,
                       w.specialty as window_specialty
                from allocation_outcome o
                join waitlist_entry e on e.id = o.entry_id
                left join consultation_window w on w.id = o.window_id""" + whereClause
                + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> outcome(rs)).list();
        return new Page<>(rows, total);
    }

    private static OutcomeView outcome(ResultSet rs) throws SQLException {
        Long windowId = (Long) rs.getObject("window_id");
        OffsetDateTime startsAt = windowId == null ? null
                : WindowQueries.at(rs, "starts_at", ZoneId.of(rs.getString("window_time_zone")));
        String personZone = rs.getString("person_time_zone");
        OffsetDateTime forPerson = startsAt == null || personZone == null ? null
                : startsAt.atZoneSameInstant(ZoneId.of(personZone)).toOffsetDateTime();
        return new OutcomeView(rs.getInt("queue_position"), rs.getLong("entry_id"), rs.getString("full_name"),
                rs.getString("preferred_language"), personZone, WindowQueries.strings(rs.getArray("specialties")),
                windowId, startsAt, forPerson, rs.getString("window_specialty"), rs.getString("reason"));
    }

    private static RunView run(ResultSet rs, List<ReasonCount> reasons) throws SQLException {
        Duration notice = Duration.ofSeconds(((Number) rs.getObject("minimum_notice_seconds")).longValue());
        return new RunView(rs.getLong("job_execution_id"), rs.getBoolean("dry_run"), utc(rs, "run_at"), notice.toString(),
                utc(rs, "started_at"), utc(rs, "finished_at"), rs.getInt("allocated"), rs.getInt("unallocated"),
                rs.getInt("holds_released"), reasons);
    }

    private static OffsetDateTime utc(ResultSet rs, String column) throws SQLException {
        return WindowQueries.at(rs, column, ZoneOffset.UTC);
    }
}
