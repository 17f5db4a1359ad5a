package com.jadecrane.reports;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.jadecrane.benchmark.BenchmarkRow;
import com.jadecrane.benchmark.HeapPeak;

/**
 * The reports' row of the benchmark: the WAITLIST_DETAIL export of every sign-up the waitlist
 * benchmark loaded, next to plain SXSSF writing of the same rows (same SQL, same fetch size, same
 * cell types, a bare {@code SXSSFWorkbook}). Both run in a JVM of their own started with
 * {@value #HEAP}, so the heap limit of the target is enforced rather than inferred. After a
 * warm-up of both, they take turns {@value #ROUNDS} times, each going first in every other round; the
 * faster time of each is kept (the
 * shared machine's load moves single runs a lot) with the highest peak heap seen.
 */
public final class ReportBenchmark {

    static final String HEAP = "-Xmx256m";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Wider than the waitlist benchmark's year of sign-ups: every row is exported. */
    private static final ReportPeriod EVERYTHING = new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
    /** About a twelfth of the rows, through both writers, so both are compiled before they are timed. */
    private static final ReportPeriod WARM_UP = new ReportPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
    private static final int ROUNDS = 4;

    private final String jdbcUrl;

    public ReportBenchmark(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public void run(List<BenchmarkRow> jobs) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "bench-data", "reports"));
        Path results = folder.resolve("results.properties");
        Process fork = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), ReportBenchmark.class.getName(), jdbcUrl,
                folder.toString(), results.toString())
                .inheritIO().start();
        if (fork.waitFor() != 0) {
            throw new IllegalStateException("The export benchmark's JVM (" + HEAP + ") failed: exit " + fork.exitValue());
        }
        Properties measured = new Properties();
        try (InputStream in = Files.newInputStream(results)) {
            measured.load(in);
        }
        jobs.add(new BenchmarkRow("WAITLIST_DETAIL export (" + HEAP + ", " + size(measured, "export.bytes") + ")",
                Long.parseLong(measured.getProperty("export.rows")),
                Duration.ofMillis(Long.parseLong(measured.getProperty("export.millis"))),
                Long.parseLong(measured.getProperty("export.peak")),
                "plain SXSSFWorkbook, same rows (" + HEAP + ", peak " + (Long.parseLong(measured.getProperty("reference.peak")) >> 20)
                        + " MiB)",
                Duration.ofMillis(Long.parseLong(measured.getProperty("reference.millis")))));
    }

    /** The forked JVM: {@code jdbcUrl folder resultsFile}. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[1]);
        try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(args[0], "postgres", "", true)) {
            // the cursor (fetch size) needs a transaction
            dataSource.setAutoCommit(false);
            WaitlistDetailExport export = new WaitlistDetailExport(JdbcClient.create(dataSource), ZONE);
            Connection connection = dataSource.getConnection();
            Path exported = folder.resolve("detail-export.xlsx");
            Path reference = folder.resolve("plain-sxssf.xlsx");
            writeTo(exported, out -> export.write(WARM_UP, out));
            writeTo(reference, out -> plainSxssf(connection, WARM_UP, out));

            Properties results = new Properties();
            for (int round = 0; round < ROUNDS; round++) {
                // each goes first in turn: the second of a round pays for flushing the first one's files
                boolean referenceFirst = round % 2 == 0;
                if (referenceFirst) {
                    measure(results, "reference", reference, out -> plainSxssf(connection, EVERYTHING, out));
                }
                measure(results, "export", exported, out -> export.write(EVERYTHING, out));
                if (!referenceFirst) {
                    measure(results, "reference", reference, out -> plainSxssf(connection, EVERYTHING, out));
                }
            }
            try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
                results.store(out, "WAITLIST_DETAIL export benchmark");
            }
        }
    }

    private static void measure(Properties results, String name, Path file, Writer writer) throws Exception {
        HeapPeak.reset();
        long start = System.nanoTime();
        long rows = writeTo(file, writer);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        results.setProperty(name + ".rows", Long.toString(rows));
        results.setProperty(name + ".millis", Long.toString(Math.min(millis,
                Long.parseLong(results.getProperty(name + ".millis", Long.toString(Long.MAX_VALUE))))));
        results.setProperty(name + ".peak", Long.toString(Math.max(HeapPeak.bytes(),
                Long.parseLong(results.getProperty(name + ".peak", "0")))));
        results.setProperty(name + ".bytes", Long.toString(Files.size(file)));
        System.out.println("[bench] " + name + ": " + rows + " rows in " + millis + " ms, peak heap "
                + (HeapPeak.bytes() >> 20) + " MiB, " + (Files.size(file) >> 20) + " MiB file");
    }

    private static long writeTo(Path file, Writer writer) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return writer.write(out);
        }
    }

    /** The reference: the export's query through plain JDBC into a bare SXSSF sheet, same cell types. */
    private static long plainSxssf(Connection connection, ReportPeriod period, OutputStream out) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WaitlistDetailExport.STREAM_WINDOW);
                PreparedStatement query = connection.prepareStatement(WaitlistDetailExport.SQL)) {
            query.setFetchSize(WaitlistDetailExport.FETCH_SIZE);
            query.setObject(1, period.from(ZONE));
            query.setObject(2, period.until(ZONE));
            Sheet sheet = workbook.createSheet(WaitlistDetailExport.SHEET);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            int rows = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Row row = sheet.createRow(++rows);
                    row.createCell(0).setCellValue(rs.getLong(1));
                    row.createCell(1).setCellValue(rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(ZONE).toLocalDateTime());
                    row.getCell(1).setCellStyle(dateTime);
                    long entry = rs.getLong(3);
                    if (!rs.wasNull()) {
                        row.createCell(2).setCellValue(entry);
                    }
                    for (int column = 4; column <= 12; column++) {
                        String text = rs.getString(column);
                        if (text != null) {
                            row.createCell(column - 1).setCellValue(text);
                        }
                    }
                    row.createCell(12).setCellValue(rs.getBoolean(13));
                }
            }
            workbook.write(out);
            return rows;
        }
    }

    private static String size(Properties measured, String key) {
        return (Long.parseLong(measured.getProperty(key)) >> 20) + " MiB file";
    }

    @FunctionalInterface
    private interface Writer {
        long write(OutputStream out) throws Exception;
    }
}
