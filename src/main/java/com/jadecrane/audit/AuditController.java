package com.jadecrane.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;

/** The audit log, for ADMIN, filtered by who, what, module, text and date range. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private static final Map<String, String> SORTABLE = Map.of("occurredAt", "occurred_at", "actor", "actor",
            "action", "action", "module", "module");

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/audit")
    ResponseEntity<List<AuditEntry>> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String module,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        PageQuery query = PageQuery.of(page, size, sort, SORTABLE, "occurred_at desc", "id desc");
        String where = """
                 where (cast(:actor as text) is null or actor = :actor)
                   and (cast(:action as text) is null or action = :action)
                   and (cast(:module as text) is null or module = :module)
                   and (cast(:q as text) is null or details::text ilike :like)
                   and (cast(:from as date) is null or occurred_at >= cast(:from as date))
                   and (cast(:to as date) is null or occurred_at < cast(:to as date) + 1)
                """;
        String search = q == null || q.isBlank() ? null : q.trim();
        String like = search == null ? null : "%" + search.replace("%", "\\%").replace("_", "\\_") + "%";
        List<AuditEntry> entries = jdbc.sql("select id, occurred_at, actor, action, module, remote_address, details::text"
                        + " as details from audit_event" + where + " order by " + query.orderBy()
                        + " limit :limit offset :offset")
                .param("actor", blankToNull(actor)).param("action", blankToNull(action)).param("module", blankToNull(module))
                .param("q", search).param("like", like).param("from", from).param("to", to)
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("module"),
                        rs.getString("remote_address"), rs.getString("details")))
                .list();
        long total = jdbc.sql("select count(*) from audit_event" + where)
                .param("actor", blankToNull(actor)).param("action", blankToNull(action)).param("module", blankToNull(module))
                .param("q", search).param("like", like).param("from", from).param("to", to)
                .query(Long.class).single();
        return new Page<>(entries, total).toResponse();
    }

    /** The actions and modules seen so far, for the filter pickers. */
    @GetMapping("/api/audit/facets")
    Map<String, List<String>> facets() {
        return Map.of(
                "actions", jdbc.sql("select distinct action from audit_event order by 1").query(String.class).list(),
                "modules", jdbc.sql("select distinct module from audit_event order by 1").query(String.class).list());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code details} is the event as JSON text. */
    record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String module,
            String remoteAddress, String details) {
    }
}
