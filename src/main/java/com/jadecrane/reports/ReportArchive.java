package com.jadecrane.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.jadecrane.system.DataDirectoryProperties;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;

/**
 * The report archive: rows in {@code report}, workbooks in {@code $JADECRANE_DATA_DIR/reports/<id>.xlsx}.
 * Files rather than database rows because a detail export of a million sign-ups is tens of MB:
 * written by streaming to disk and served by streaming from disk, it never sits whole in memory or
 * in a bytea (several instances on one database share the data folder, as they share the database).
 */
@Repository
class ReportArchive {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "requestedAt", "requested_at",
            "completedAt", "completed_at", "type", "type", "status", "status", "periodStart", "period_start");

    private final JdbcClient jdbc;
    private final Path folder;
    private final TransactionTemplate ownTransaction;

    ReportArchive(JdbcClient jdbc, DataDirectoryProperties dataDirectory, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.folder = dataDirectory.resolve("reports");
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    long create(ReportType type, ReportPeriod period, String requestedBy, boolean scheduled) {
        return jdbc.sql("""
                insert into report (type, period_start, period_end, requested_by, scheduled)
                values (?, ?, ?, ?, ?) returning id""")
                .params(type.name(), period.start(), period.end(), requestedBy, scheduled).query(Long.class).single();
    }

    Optional<Report> find(long id) {
        return jdbc.sql("select * from report where id = ?").param(id).query(ReportArchive::report).optional();
    }

    Report get(long id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("Report", id));
    }

    /** @param types the types the caller may see */
    Page<Report> list(List<ReportType> types, String status, PageQuery page) {
        String where = " where type in (:types) and (cast(:status as text) is null or status = :status)";
        Map<String, Object> params = new HashMap<>();
        params.put("types", types.stream().map(Enum::name).toList());
        params.put("status", status);
        List<Report> reports = jdbc.sql("select * from report" + where + " order by " + page.orderBy()
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(ReportArchive::report).list();
        long total = jdbc.sql("select count(*) from report" + where).params(params).query(Long.class).single();
        return new Page<>(reports, total);
    }

    /** Reports still waiting for a run (their launch met a run of another report), oldest first. */
    List<Long> waiting(OffsetDateTime requestedBefore) {
        return jdbc.sql("select id from report where status = 'QUEUED' and requested_at < ? order by id limit 10")
                .param(requestedBefore).query(Long.class).list();
    }

    /**
     * Takes a queued report, one whose run failed (a restart), or one left RUNNING by a run that is
     * no longer running (its process died; start-up recovery marked the execution FAILED) for this
     * execution. False when it is done or being produced, so a second launch changes nothing.
     * Committed at once (also inside a batch step's transaction), so the list shows it RUNNING.
     */
    boolean claim(long id, long jobExecutionId) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> jdbc.sql("""
                update report r set status = 'RUNNING', job_execution_id = :execution, error = null
                where r.id = :id and (r.status in ('QUEUED', 'FAILED') or (r.status = 'RUNNING' and not exists (
                    select 1 from batch_job_execution e where e.job_execution_id = r.job_execution_id
                      and e.status in ('STARTING', 'STARTED', 'STOPPING'))))""")
                .param("execution", jobExecutionId).param("id", id).update() == 1));
    }

    /**
     * False when the report was withdrawn while it was being written (a person it reads was erased
     * meanwhile): its cursor may have read them before the erasure committed, so the caller deletes the file.
     */
    boolean completed(long id, String fileName, long sizeBytes, long rowCount) {
        return jdbc.sql("""
                update report set status = 'COMPLETED', completed_at = now(), file_name = ?, size_bytes = ?, row_count = ?
                where id = ? and status = 'RUNNING'""").params(fileName, sizeBytes, rowCount, id).update() == 1;
    }

    /** Only the run that holds the report marks it failed (not a second launch that found it taken). */
    void failed(long id, long jobExecutionId, String error) {
        jdbc.sql("update report set status = 'FAILED', error = ? where id = ? and job_execution_id = ? and status = 'RUNNING'")
                .params(error, id, jobExecutionId).update();
    }

    /**
     * Takes the mail of a completed scheduled funnel to the leadership list in hand, committed at
     * once and before it is sent: false when it was taken already (by this report's earlier run, or
     * by another scheduled report of the same week), so nobody gets the week twice.
     */
    boolean claimMail(long id) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> jdbc.sql("""
                update report r set mailed_at = now(), mailed_recipients = null
                where r.id = :id and r.status = 'COMPLETED' and r.scheduled and r.type = 'WAITLIST_FUNNEL'
                  and r.mailed_at is null and not exists (
                    select 1 from report o where o.scheduled and o.type = r.type and o.period_start = r.period_start
                      and o.period_end = r.period_end and o.mailed_at is not null)""")
                .param("id", id).update() == 1));
    }

    void mailed(long id, int recipients) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("update report set mailed_recipients = ? where id = ?")
                .params(recipients, id).update());
    }

    /** Gives the mail back when nothing was sent (SendGrid refused it or could not be reached), so a restart tries again. */
    void mailNotSent(long id) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("update report set mailed_at = null where id = ?")
                .param(id).update());
    }

    /** Where a report's workbook lies once COMPLETED. */
    Path file(long id) {
        return folder.resolve(id + ".xlsx");
    }

    /** Where a report's workbook is written before it is moved into place in one step. */
    Path partFile(long id) {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the report folder " + folder, ex);
        }
        return folder.resolve(id + ".xlsx.part");
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), ReportType.valueOf(rs.getString("type")), rs.getString("status"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class), rs.getString("file_name"),
                rs.getObject("size_bytes", Long.class), rs.getObject("row_count", Long.class), rs.getString("error"),
                rs.getObject("job_execution_id", Long.class), rs.getBoolean("scheduled"),
                rs.getObject("mailed_at", OffsetDateTime.class), rs.getObject("mailed_recipients", Integer.class),
                rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdrawal_reason"));
    }
}
