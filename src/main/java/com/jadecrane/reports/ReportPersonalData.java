package com.jadecrane.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.jadecrane.waitlist.PersonalDataHolder;

/**
 * The archived WAITLIST_DETAIL workbooks that hold a person, for the data-subject export and erasure.
 * A workbook cannot be edited in place (it is a streamed export of a whole period), so erasure
 * withdraws it: the row says WITHDRAWN with when and why, and the file is deleted once the erasure
 * has committed (a file cannot be put back, so a rolled-back erasure must leave it). WAITLIST_FUNNEL
 * workbooks hold aggregates and pseudonymous ids only and stay.
 * <p>
 * Which workbooks hold the person: the detail export writes every sign-up whose {@code received_at}
 * falls in the period, with the sign-up's own name and address, and {@code received_at} is set at
 * intake and never changed, so the person's sign-ups (those filed under their entries, merged ones
 * included) say which periods held them. The period's days are turned into instants in
 * {@code jadecrane.reports.zone} when the workbook is written, and that zone may have been another
 * one then (it is configuration, not stored with the report), so the bounds here hold the period's
 * days in any zone (UTC-12 to UTC+14): a sign-up near a period's edge may withdraw the next or the
 * previous week's workbook too, never leave one that holds it. A report still RUNNING is withdrawn
 * too: its cursor may have read the person before this erasure commits, and the run then keeps no file.
 */
@Component
class ReportPersonalData implements PersonalDataHolder {

    static final String REASON = "it held personal data of a person who was erased";

    private static final Logger log = LoggerFactory.getLogger(ReportPersonalData.class);

    /** The detail reports of these statuses whose period, in any zone, holds one of the entries' sign-ups. */
    private static final String HOLDING = """
            from report r
            where r.type = 'WAITLIST_DETAIL' and r.status in (:statuses) and exists (
                select 1 from waitlist_signup s
                where s.entry_id in (:entries)
                  and s.received_at >= r.period_start::timestamp at time zone 'UTC' - interval '14 hours'
                  and s.received_at < (r.period_end + 1)::timestamp at time zone 'UTC' + interval '12 hours')""";

    private final JdbcClient jdbc;
    private final ReportArchive archive;

    ReportPersonalData(JdbcClient jdbc, ReportArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
    }

    /** A workbook in the archive that holds the person: its id, when it was written, and its period. */
    record HeldReport(long id, OffsetDateTime generatedAt, LocalDate periodStart, LocalDate periodEnd) {
    }

    @Override
    public String section() {
        return "reports";
    }

    @Override
    public List<HeldReport> recordsOf(DataSubject person) {
        return jdbc.sql("select r.id, r.completed_at, r.period_start, r.period_end " + HOLDING + " order by r.id")
                .param("statuses", List.of(Report.COMPLETED)).param("entries", person.entryIds())
                .query((rs, n) -> new HeldReport(rs.getLong("id"), rs.getObject("completed_at", OffsetDateTime.class),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class)))
                .list();
    }

    @Override
    public void erase(DataSubject person, String erasedBy) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // without the erasing transaction there is no commit to wait for, and deleting at once
            // would lose the files of an erasure that then fails
            throw new IllegalStateException("Reports are withdrawn only inside the erasing transaction");
        }
        List<Long> withdrawn = jdbc.sql("update report set status = 'WITHDRAWN', withdrawn_at = now(),"
                        + " withdrawal_reason = :reason where id in (select r.id " + HOLDING + ") returning id")
                .param("reason", REASON).param("statuses", List.of(Report.COMPLETED, Report.RUNNING))
                .param("entries", person.entryIds()).query(Long.class).list();
        if (!withdrawn.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    withdrawn.forEach(ReportPersonalData.this::deleteFile);
                }
            });
        }
    }

    /**
     * Logged, not thrown: the erasure has committed and its caller should hear so; the download
     * refuses a withdrawn report whether or not its file is still there.
     */
    private void deleteFile(long reportId) {
        Path file = archive.file(reportId);
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            log.error("Report {} was withdrawn but its file {} could not be deleted; delete it by hand", reportId, file, ex);
        }
    }
}
