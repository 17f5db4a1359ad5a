package com.jadecrane.reports;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jadecrane.reports.ReportFigures.Funnel;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;
import com.jadecrane.waitlist.PersonalDataHolder.DataSubject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports API over real HTTP: ask, poll, download, and read the workbook back with POI, each
 * figure checked against the database (the period's against what {@link ReportTestData} seeded,
 * all time against SQL counts of the shared tables).
 */
@IntegrationTest
class ReportApiTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportArchive archive;

    @Autowired
    ReportPersonalData reportPersonalData;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFunnelWorkbookHoldsTheDatabaseFiguresChartsAndNoPersonalData() throws Exception {
        ReportTestData data = new ReportTestData(jdbc).seed();
        ApiClient leader = TestUsers.signedIn(port, "LEADERSHIP");

        long id = requestAndAwait(leader, "WAITLIST_FUNNEL", data.period);
        ApiClient.Response item = leader.get("/api/reports/" + id);
        assertThat((String) item.json("$.type")).isEqualTo("WAITLIST_FUNNEL");
        assertThat((String) item.json("$.periodStart")).isEqualTo(data.monday.toString());
        assertThat((String) item.json("$.periodEnd")).isEqualTo(data.monday.plusDays(6).toString());
        assertThat((String) item.json("$.requestedBy")).startsWith("leadership-");
        assertThat((String) item.json("$.fileName"))
                .isEqualTo("waitlist-funnel-" + data.monday + "-to-" + data.monday.plusDays(6) + ".xlsx");
        assertThat((Boolean) item.json("$.scheduled")).isFalse();
        assertThat((Object) item.json("$.jobExecutionId")).isNotNull();
        assertThat((Object) item.json("$.error")).isNull();
        ApiClient.Response listed = leader.get("/api/reports?type=WAITLIST_FUNNEL&status=COMPLETED&sort=requestedAt,desc&size=200");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("X-Total-Count")).isPresent();
        assertThat((List<Integer>) listed.json("$[*].id")).contains((int) id);

        HttpResponse<byte[]> download = leader.download("/api/reports/" + id + "/file");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains("waitlist-funnel-" + data.monday);
        assertThat((long) download.body().length).isEqualTo(((Number) item.json("$.sizeBytes")).longValue());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            XSSFSheet summary = workbook.getSheet(FunnelWorkbook.SUMMARY);
            List<Long> allTime = allTimeFunnel();
            for (int i = 0; i < Funnel.LABELS.size(); i++) {
                Row row = summary.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(Funnel.LABELS.get(i));
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) row.getCell(1).getNumericCellValue()).as("period " + Funnel.LABELS.get(i))
                        .isEqualTo(ReportTestData.PERIOD_FUNNEL.get(i));
                assertThat((long) row.getCell(2).getNumericCellValue()).as("all time " + Funnel.LABELS.get(i))
                        .isEqualTo(allTime.get(i));
            }
            assertDate(summary.getRow(FunnelWorkbook.PERIOD_ROW).getCell(1), data.monday);
            assertDate(summary.getRow(FunnelWorkbook.PERIOD_ROW + 1).getCell(1), data.monday.plusDays(6));
            assertThat(DateUtil.isCellDateFormatted(summary.getRow(FunnelWorkbook.PERIOD_ROW + 2).getCell(1))).isTrue();
            // the last week of the sign-ups table is the period's week: 5 sign-ups of 4 people
            Row lastWeek = summary.getRow(FunnelWorkbook.WEEKLY_HEADER_ROW + FunnelWorkbook.SIGNUP_WEEKS);
            assertDate(lastWeek.getCell(0), data.monday);
            assertThat(lastWeek.getCell(1).getNumericCellValue()).isEqualTo(5);
            assertThat(lastWeek.getCell(2).getNumericCellValue()).isEqualTo(4);
            assertThat(summary.getRow(FunnelWorkbook.WEEKLY_HEADER_ROW + FunnelWorkbook.SIGNUP_WEEKS - 3)
                    .getCell(1).getNumericCellValue()).as("the week of C's first sign-up").isEqualTo(1);

            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            assertThat(charts).extracting(chart -> chart.getTitleText().getString())
                    .containsExactly("Weekly sign-ups", "Funnel in the period");
            assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(2);

            assertThat(rowOf(workbook.getSheet("By country"), "PT")).containsExactly("PT", 2.0, 1.0, allTimeCount("country", "PT"));
            assertThat(rowOf(workbook.getSheet("By source page"), data.sourcePage))
                    .containsExactly(data.sourcePage, 5.0, 4.0, 7.0);
            assertThat(rowOf(workbook.getSheet("By specialty"), "lung-cancer").subList(1, 3)).containsExactly(1.0, 1.0);
            assertThat(rowOf(workbook.getSheet("By language"), "pt-BR").subList(1, 3)).containsExactly(1.0, 1.0);
            Sheet windows = workbook.getSheet("Windows");
            List<Object> window = rowOf(windows, (double) data.windowId);
            assertThat(window.subList(7, 13)).containsExactly(5.0, 2.0, 1.0, 1.0, 1.0, 1.0);
            assertThat(window).doesNotContain("Coordinator Report");
            assertThat(DateUtil.isCellDateFormatted(rowCells(windows, (double) data.windowId).getCell(1))).isTrue();
            Row windowWeek = rowCells(workbook.getSheet("Windows by week"), DateUtil.getExcelDate(data.monday.plusDays(7)));
            assertThat(values(windowWeek).subList(1, 4)).containsExactly(5.0, 2.0, 1.0);
            Sheet delivery = workbook.getSheet("Invitation delivery");
            assertThat(rowOf(delivery, "Ledger status", "SENT").get(2)).isEqualTo(3.0);
            assertThat(rowOf(delivery, "Ledger status", "FAILED").get(2)).isEqualTo(1.0);
            assertThat(rowOf(delivery, "Latest delivery event", "bounce").get(2)).isEqualTo(1.0);
            assertThat(workbook.getSheet("Guides by status")).isNotNull();
            assertThat(workbook.getSheet("Hospitals due")).isNotNull();

            for (Sheet sheet : workbook) {
                assertThat(sheet.getPaneInformation()).as(sheet.getSheetName() + " has a frozen header").isNotNull();
                assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).as(sheet.getSheetName() + " filter").isTrue();
                assertThat(sheet.getColumnWidth(0)).isGreaterThan(8 * 256);
                assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            List<String> texts = allText(workbook);
            assertThat(texts).noneMatch(text -> text.contains("@"));
            for (String who : List.of("a", "b", "c", "d", "e")) {
                assertThat(texts).noneMatch(text -> text.contains(data.email(who)));
            }
            assertThat(texts).noneMatch(text -> text.contains("Report") && text.matches("(Ana|Chen|Dara|Eve) Report"));
            assertThat(texts).doesNotContain(ReportTestData.FORMULA_NAME);
        }
    }

    @Test
    void theDetailExportIsForOpsQuotesFormulasAndIsAudited() throws Exception {
        ReportTestData data = new ReportTestData(jdbc).seed();
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long id = requestAndAwait(ops, "WAITLIST_DETAIL", data.period);
        assertThat(((Number) ops.get("/api/reports/" + id).json("$.rowCount")).longValue()).isEqualTo(5);

        HttpResponse<byte[]> download = ops.download("/api/reports/" + id + "/file");
        assertThat(download.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet signups = workbook.getSheet(WaitlistDetailExport.SHEET);
            assertThat(signups.getLastRowNum()).isEqualTo(5);
            Row hostile = rowWith(signups, data.email("b"));
            Cell name = hostile.getCell(5);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(ReportTestData.FORMULA_NAME);
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(hostile.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(hostile.getCell(1))).isTrue();
            assertThat(hostile.getCell(1).getLocalDateTimeCellValue()).isEqualTo(data.at(2).atZoneSameInstant(ReportTestData.ZONE).toLocalDateTime());
            assertThat(rowWith(signups, data.email("a")).getCell(5).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(values(rowWith(signups, data.email("d")))).contains("NEW");
            assertThat(signups.getPaneInformation()).isNotNull();
            assertThat(signups.getColumnWidth(6)).as("email column").isEqualTo(34 * 256);
        }
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'WaitlistDetailDownloaded' and module = 'reports'
                  and cast(details ->> 'reportId' as bigint) = ? and actor like 'ops-%'""").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(TestUsers.admin(port).download("/api/reports/" + id + "/file").statusCode()).isEqualTo(200);

        ApiClient leader = TestUsers.signedIn(port, "LEADERSHIP");
        ApiClient.Response refused = leader.post("/api/reports", Json.object("type", "WAITLIST_DETAIL"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(leader.get("/api/reports/" + id).status()).isEqualTo(403);
        assertThat(leader.download("/api/reports/" + id + "/file").statusCode()).isEqualTo(403);
        ApiClient.Response onlyDetail = leader.get("/api/reports?type=WAITLIST_DETAIL");
        assertThat(onlyDetail.body()).isEqualTo("[]");
        assertThat(onlyDetail.header("X-Total-Count")).hasValue("0");
        assertThat((List<String>) leader.get("/api/reports?size=200").json("$[*].type")).doesNotContain("WAITLIST_DETAIL");
        assertThat(TestUsers.signedIn(port, "EDITOR").get("/api/reports").status()).isEqualTo(403);
    }

    /**
     * The person's detail workbook is listed in their export, then withdrawn by their erasure: file
     * deleted, row WITHDRAWN, download 410. The funnel of the same week and the detail workbook of a
     * week without them stay, so a withdrawal of every detail report would fail here too.
     */
    @Test
    void erasingAPersonWithdrawsTheDetailReportsThatHoldThemAndNothingElse() throws Exception {
        ReportTestData data = new ReportTestData(jdbc).seed();
        ReportTestData otherWeek = new ReportTestData(jdbc).seed();
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long detail = requestAndAwait(ops, "WAITLIST_DETAIL", data.period);
        long elsewhere = requestAndAwait(ops, "WAITLIST_DETAIL", otherWeek.period);
        long funnel = requestAndAwait(ops, "WAITLIST_FUNNEL", data.period);
        assertThat(archive.file(detail)).isRegularFile();

        ApiClient.Response export = ops.get("/api/waitlist/" + data.personA + "/export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.<List<Integer>>json("$.reports[*].id")).containsExactly((int) detail);
        assertThat(export.<String>json("$.reports[0].periodStart")).isEqualTo(data.monday.toString());
        assertThat(export.<String>json("$.reports[0].periodEnd")).isEqualTo(data.period.end().toString());
        assertThat(export.<String>json("$.reports[0].generatedAt")).isNotBlank();

        ApiClient.Response erased = ops.post("/api/waitlist/" + data.personA + "/erase", "{}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        assertThat(archive.file(detail)).doesNotExist();
        Report withdrawn = archive.get(detail);
        assertThat(withdrawn.status()).isEqualTo(Report.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(withdrawn.withdrawalReason()).isEqualTo(ReportPersonalData.REASON);
        ApiClient.Response gone = ops.get("/api/reports/" + detail + "/file");
        assertThat(gone.status()).as(gone.body()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.<String>json("$.detail")).contains(ReportPersonalData.REASON);
        assertThat(ops.get("/api/reports?status=WITHDRAWN&size=200").<List<Integer>>json("$[*].id")).contains((int) detail);
        assertThat(ops.get("/api/waitlist/" + data.personA + "/export").<List<Object>>json("$.reports")).isEmpty();
        for (long kept : List.of(funnel, elsewhere)) {
            assertThat(archive.get(kept).status()).as("report %d", kept).isEqualTo(Report.COMPLETED);
            assertThat(ops.download("/api/reports/" + kept + "/file").statusCode()).as("report %d", kept).isEqualTo(200);
        }
    }

    /** The file goes only once the erasure commits: one rolled back leaves the workbook and its row as they were. */
    @Test
    void anErasureRolledBackLeavesTheWorkbook() throws Exception {
        ReportTestData data = new ReportTestData(jdbc).seed();
        long detail = requestAndAwait(TestUsers.signedIn(port, "OPS"), "WAITLIST_DETAIL", data.period);

        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            reportPersonalData.erase(new DataSubject(data.personA, List.of(data.personA), Set.of(data.email("a"))),
                    "report-test");
            assertThat(archive.get(detail).status()).isEqualTo(Report.WITHDRAWN);
            transaction.setRollbackOnly();
        });

        assertThat(archive.file(detail)).isRegularFile();
        assertThat(archive.get(detail).status()).isEqualTo(Report.COMPLETED);
    }

    @Test
    void badRequestsNameTheirField() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        assertField(ops.post("/api/reports", Json.object("type", "WAITLIST_EVERYTHING")), "type");
        assertField(ops.post("/api/reports", "{}"), "type");
        assertField(ops.post("/api/reports", Json.object("type", "WAITLIST_FUNNEL", "periodStart", "2026-02-30",
                "periodEnd", "2026-03-01")), "periodStart");
        assertField(ops.post("/api/reports", Json.object("type", "WAITLIST_FUNNEL", "periodStart", "2026-03-08",
                "periodEnd", "2026-03-01")), "periodEnd");
        assertField(ops.post("/api/reports", Json.object("type", "WAITLIST_FUNNEL", "periodStart", "2026-03-08")),
                "periodEnd");
        assertField(ops.get("/api/reports?status=DONE"), "status");
        assertField(ops.get("/api/reports?type=PAYROLL"), "type");
        assertField(ops.get("/api/reports?sort=fileName,asc"), "sort");
    }

    @Test
    void aReportNotFinishedHasNoFileYet() {
        long queued = archive.create(ReportType.WAITLIST_FUNNEL, new ReportPeriod(LocalDate.of(2001, 1, 1),
                LocalDate.of(2001, 1, 7)), "report-test", false);
        ApiClient leader = TestUsers.signedIn(port, "LEADERSHIP");
        ApiClient.Response conflict = leader.get("/api/reports/" + queued + "/file");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat((String) leader.get("/api/reports/" + queued).json("$.status")).isEqualTo("QUEUED");
        assertThat(leader.get("/api/reports/" + queued).body()).contains("\"completedAt\":null");
        assertThat(leader.get("/api/reports/987654321").status()).isEqualTo(404);
    }

    /** Without a period the report covers the last full Monday-Sunday week in Asia/Shanghai. */
    @Test
    void theDefaultPeriodIsTheLastFullWeek() {
        ApiClient leader = TestUsers.signedIn(port, "LEADERSHIP");
        ApiClient.Response accepted = leader.post("/api/reports", Json.object("type", "WAITLIST_FUNNEL"));
        assertThat(accepted.status()).isEqualTo(202);
        ApiClient.Response report = leader.get("/api/reports/" + ((Number) accepted.json("$.id")).longValue());
        LocalDate start = LocalDate.parse(report.json("$.periodStart"));
        assertThat(start.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(LocalDate.parse((String) report.json("$.periodEnd"))).isEqualTo(start.plusDays(6));
        LocalDate today = LocalDate.now(ReportTestData.ZONE);
        assertThat(start).isBetween(today.minusDays(13), today.minusDays(7));
    }

    private long requestAndAwait(ApiClient client, String type, ReportPeriod period) throws InterruptedException {
        ApiClient.Response accepted = client.post("/api/reports", Json.object("type", type,
                "periodStart", period.start().toString(), "periodEnd", period.end().toString()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long id = ((Number) accepted.json("$.id")).longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status;
        do {
            status = client.get("/api/reports/" + id).json("$.status");
            if (!status.equals("COMPLETED") && !status.equals("FAILED")) {
                Thread.sleep(100);
            }
        }
        while (!status.equals("COMPLETED") && !status.equals("FAILED") && System.nanoTime() < deadline);
        assertThat(status).as(client.get("/api/reports/" + id).body()).isEqualTo("COMPLETED");
        return id;
    }

    private List<Long> allTimeFunnel() {
        return List.of(count("select count(*) from waitlist_signup"),
                count("""
                        select count(distinct case when s.entry_id is null then 'k:' || s.identity_key
                                                   else 'e:' || coalesce(e.merged_into, e.id) end)
                        from waitlist_signup s left join waitlist_entry e on e.id = s.entry_id"""),
                count("select count(*) from waitlist_merge where undone_at is null"),
                count("select count(*) from window_allocation"),
                count("select count(*) from invitation where sent_at is not null"),
                count("select count(*) from invitation where delivered_at is not null"),
                count("select count(*) from invitation where response = 'ACCEPTED' and responded_at is not null"),
                count("select count(*) from invitation where response = 'DECLINED' and responded_at is not null"),
                count("select count(*) from invitation where response = 'EXPIRED' and responded_at is not null"),
                count("select count(*) from invitation where bounced_at is not null"),
                count("select count(*) from invitation where unsubscribed_at is not null"));
    }

    private double allTimeCount(String column, String value) {
        return count("select count(*) from waitlist_signup where " + column + " = '" + value + "'");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void assertDate(Cell cell, LocalDate expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected);
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    /** The first row whose leading cells hold these values. */
    private static List<Object> rowOf(Sheet sheet, Object... leading) {
        return values(rowCells(sheet, leading));
    }

    private static Row rowCells(Sheet sheet, Object... leading) {
        for (Row row : sheet) {
            List<Object> values = values(row);
            if (values.size() >= leading.length && values.subList(0, leading.length).equals(List.of(leading))) {
                return row;
            }
        }
        throw new AssertionError("No row starting with " + List.of(leading) + " in " + sheet.getSheetName());
    }

    private static Row rowWith(Sheet sheet, Object value) {
        for (Row row : sheet) {
            if (values(row).contains(value)) {
                return row;
            }
        }
        throw new AssertionError("No row with " + value + " in " + sheet.getSheetName());
    }

    private static List<Object> values(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            values.add(cell == null ? null : switch (cell.getCellType()) {
                case NUMERIC -> cell.getNumericCellValue();
                case STRING -> cell.getStringCellValue();
                case BOOLEAN -> cell.getBooleanCellValue();
                default -> cell.toString();
            });
        }
        return values;
    }

    private static List<String> allText(XSSFWorkbook workbook) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (Sheet sheet : workbook) {
            texts.add(sheet.getSheetName());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    texts.add(formatter.formatCellValue(cell));
                }
            }
        }
        return texts;
    }
}
