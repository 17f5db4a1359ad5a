package com.jadecrane.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.jadecrane.reports.SheetCells.Column;

/**
 * The personal-data export: every sign-up received in the period, with the person's contact data,
 * for OPS. Streamed end to end: the rows come through a database cursor and go through SXSSF,
 * which keeps {@value #STREAM_WINDOW} rows in memory and flushes the rest to a temporary file, so
 * memory does not grow with the period. The cursor needs a transaction (the batch step's, or the
 * caller's connection with auto-commit off). A sheet holds at most Excel's 1,048,576 rows (SXSSF
 * refuses the next one), so a longer period goes on in "Sign-ups (2)" and so on, each with the header.
 */
@Component
class WaitlistDetailExport implements ReportWriter {

    /** The rows of the export; the benchmark's plain-SXSSF reference reads the same. */
    static final String SQL = """
            select s.id, s.received_at, s.entry_id, s.state, e.status as entry_status, s.full_name, s.email, s.country,
                   s.preferred_language, s.time_zone, s.specialty, s.source_page, s.consent_marketing
            from waitlist_signup s left join waitlist_entry e on e.id = s.entry_id
            where s.received_at >= ? and s.received_at < ?
            order by s.received_at, s.id""";
    static final int FETCH_SIZE = 2_000;
    static final int STREAM_WINDOW = 100;
    static final String SHEET = "Sign-ups";
    /** Data rows in one sheet: Excel's limit, less the header row. */
    static final int MAX_ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private static final List<Column> COLUMNS = List.of(new Column("Sign-up id", 11), new Column("Received at", 18),
            new Column("Person id", 11), new Column("Filed as", 12), new Column("Person status", 14),
            new Column("Full name", 28), new Column("Email", 34), new Column("Country", 9), new Column("Language", 10),
            new Column("Time zone", 20), new Column("Specialty", 20), new Column("Source page", 34),
            new Column("Marketing consent", 18));

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final int rowsPerSheet;

    @Autowired
    WaitlistDetailExport(JdbcClient jdbc, ReportsProperties properties) {
        this(jdbc, properties.zone());
    }

    /** For the benchmark, which runs it on a plain connection in a JVM of its own. */
    WaitlistDetailExport(JdbcClient jdbc, ZoneId zone) {
        this(jdbc, zone, MAX_ROWS_PER_SHEET);
    }

    /** With fewer rows per sheet, so a test sees the export go on in a new sheet without a million rows. */
    WaitlistDetailExport(JdbcClient jdbc, ZoneId zone, int rowsPerSheet) {
        if (rowsPerSheet < 1 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
            throw new IllegalArgumentException("rowsPerSheet must be 1 to " + MAX_ROWS_PER_SHEET + ", not " + rowsPerSheet);
        }
        this.jdbc = jdbc;
        this.zone = zone;
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public ReportType type() {
        return ReportType.WAITLIST_DETAIL;
    }

    @Override
    public long write(ReportPeriod period, OutputStream out) throws IOException {
        return write(period.from(zone), period.until(zone), out);
    }

    long write(OffsetDateTime from, OffsetDateTime until, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(STREAM_WINDOW)) {
            SheetCells cells = new SheetCells(workbook, zone);
            Sheets sheets = new Sheets(workbook, cells);
            jdbc.sql(SQL).withFetchSize(FETCH_SIZE).params(from, until).query(rs -> {
                // typed cells, no boxing: this loop runs once per sign-up of the period
                Row row = sheets.nextRow();
                row.createCell(0).setCellValue(rs.getLong(1));
                cells.dateTime(row, 1, rs.getObject(2, OffsetDateTime.class));
                long person = rs.getLong(3);
                if (!rs.wasNull()) {
                    row.createCell(2).setCellValue(person);
                }
                for (int column = 4; column <= 12; column++) {
                    cells.text(row, column - 1, rs.getString(column));
                }
                row.createCell(12).setCellValue(rs.getBoolean(13));
            });
            sheets.finish();
            workbook.write(out);
            return sheets.total;
        }
    }

    /** "Sign-ups", then "Sign-ups (2)" and so on. */
    private static String sheetName(int number) {
        return number == 1 ? SHEET : SHEET + " (" + number + ")";
    }

    /** The sign-up sheets of one workbook: a row in the current one, or in a new one when it is full. */
    private final class Sheets {

        private final SXSSFWorkbook workbook;
        private final SheetCells cells;
        private Sheet sheet;
        private int rows;
        private long total;

        Sheets(SXSSFWorkbook workbook, SheetCells cells) {
            this.workbook = workbook;
            this.cells = cells;
            // an empty period still gets its sheet with the header
            start();
        }

        Row nextRow() {
            if (rows == rowsPerSheet) {
                finish();
                start();
            }
            total++;
            return sheet.createRow(++rows);
        }

        /** Filter and widths once the sheet's rows are written (see {@link SheetCells#columnWidths}). */
        void finish() {
            cells.autoFilter(sheet, 0, rows, COLUMNS.size());
            cells.columnWidths(sheet, COLUMNS);
        }

        private void start() {
            sheet = workbook.createSheet(sheetName(workbook.getNumberOfSheets() + 1));
            cells.header(sheet, 0, COLUMNS);
            rows = 0;
        }
    }
}
