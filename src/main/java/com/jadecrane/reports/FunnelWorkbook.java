package com.jadecrane.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import com.jadecrane.reports.ReportFigures.Breakdown;
import com.jadecrane.reports.ReportFigures.Count;
import com.jadecrane.reports.ReportFigures.Dimension;
import com.jadecrane.reports.ReportFigures.Funnel;
import com.jadecrane.reports.ReportFigures.WeeklySignups;
import com.jadecrane.reports.SheetCells.Column;

/**
 * The leadership workbook: a Summary sheet with the funnel (period and all time) and two native
 * charts, then one sheet per breakdown. Aggregates and pseudonymous ids only (window and hospital
 * ids, guide slugs): no name or contact of a person. The Summary is a plain XSSF sheet (charts
 * need the sheet in memory); the other sheets are streamed.
 */
@Component
class FunnelWorkbook implements ReportWriter {

    static final String SUMMARY = "Summary";
    /** Rows of the Summary: funnel header at 0, figures 1-11, period 13-15, weekly table from 17. */
    static final int PERIOD_ROW = 13;
    static final int WEEKLY_HEADER_ROW = 17;
    static final int SIGNUP_WEEKS = 26;
    /** Windows and seats are shown from the period's start to this many weeks after its end. */
    static final int WEEKS_AHEAD = 8;
    static final int DUE_WITHIN_DAYS = 30;
    private static final int STREAM_WINDOW = 100;

    private final ReportFigures figures;
    private final Clock clock = Clock.systemUTC();

    FunnelWorkbook(ReportFigures figures) {
        this.figures = figures;
    }

    @Override
    public ReportType type() {
        return ReportType.WAITLIST_FUNNEL;
    }

    @Override
    public long write(ReportPeriod period, OutputStream out) throws IOException {
        OffsetDateTime from = period.from(figures.zone());
        OffsetDateTime until = period.until(figures.zone());
        try (XSSFWorkbook summaryBook = new XSSFWorkbook()) {
            SheetCells cells = new SheetCells(summaryBook, figures.zone());
            long rows = summary(summaryBook.createSheet(SUMMARY), cells, period);
            SXSSFWorkbook workbook = new SXSSFWorkbook(summaryBook, STREAM_WINDOW);
            try {
                for (Dimension dimension : Dimension.values()) {
                    rows += breakdown(workbook, cells, dimension, from, until);
                }
                rows += windows(workbook, cells, period, from);
                rows += delivery(workbook, cells, from, until);
                rows += inventory(workbook, cells);
                workbook.write(out);
            }
            finally {
                workbook.close();
            }
            return rows;
        }
    }

    private long summary(XSSFSheet sheet, SheetCells cells, ReportPeriod period) {
        Funnel inPeriod = figures.funnel(period.from(figures.zone()), period.until(figures.zone()));
        Funnel allTime = figures.funnelAllTime();
        List<Column> columns = List.of(new Column("Figure", 22), new Column("Period", 14), new Column("All time", 14));
        cells.header(sheet, 0, columns);
        cells.columnWidths(sheet, columns);
        for (int i = 0; i < Funnel.LABELS.size(); i++) {
            cells.row(sheet, i + 1, Funnel.LABELS.get(i), inPeriod.values().get(i), allTime.values().get(i));
        }
        cells.row(sheet, PERIOD_ROW, "Period start", period.start());
        cells.row(sheet, PERIOD_ROW + 1, "Period end", period.end());
        cells.row(sheet, PERIOD_ROW + 2, "Generated at", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));

        List<WeeklySignups> weeks = figures.signupsByWeek(
                ReportPeriod.weekStart(period.end()).minusWeeks(SIGNUP_WEEKS - 1L), SIGNUP_WEEKS);
        cells.header(sheet, WEEKLY_HEADER_ROW,
                List.of(new Column("Week starting", 22), new Column("Sign-ups", 14), new Column("Unique people", 14)));
        // the figures' header stays frozen; the weekly table's header row only has the header style
        sheet.createFreezePane(0, 1);
        for (int i = 0; i < weeks.size(); i++) {
            WeeklySignups week = weeks.get(i);
            cells.row(sheet, WEEKLY_HEADER_ROW + 1 + i, week.weekStart(), week.signups(), week.uniquePeople());
        }
        cells.autoFilter(sheet, WEEKLY_HEADER_ROW, weeks.size(), 3);
        charts(sheet, weeks);
        return Funnel.LABELS.size() + weeks.size();
    }

    private static void charts(XSSFSheet sheet, List<WeeklySignups> weeks) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int firstWeekRow = WEEKLY_HEADER_ROW + 1;
        int lastWeekRow = WEEKLY_HEADER_ROW + weeks.size();
        XSSFChart signups = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 4, 0, 14, 16));
        XDDFDataSource<String> weekLabels = XDDFDataSourcesFactory.fromArray(
                weeks.stream().map(week -> week.weekStart().toString()).toArray(String[]::new),
                range(sheet, firstWeekRow, lastWeekRow, 0));
        XDDFLineChartData lines = (XDDFLineChartData) plotData(signups, "Weekly sign-ups", ChartTypes.LINE);
        for (int column : new int[] { 1, 2 }) {
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) lines.addSeries(weekLabels,
                    numbers(sheet, firstWeekRow, lastWeekRow, column));
            series.setTitle(column == 1 ? "Sign-ups" : "Unique people", null);
            series.setSmooth(false);
            series.setMarkerStyle(MarkerStyle.NONE);
        }
        signups.plot(lines);

        XSSFChart funnel = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 4, 17, 14, 36));
        XDDFBarChartData bars = (XDDFBarChartData) plotData(funnel, "Funnel in the period", ChartTypes.BAR);
        bars.setBarDirection(BarDirection.BAR);
        XDDFDataSource<String> stages = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(1, Funnel.LABELS.size(), 0, 0));
        bars.addSeries(stages, numbers(sheet, 1, Funnel.LABELS.size(), 1)).setTitle("Period", null);
        funnel.plot(bars);
    }

    private static XDDFChartData plotData(XSSFChart chart, String title, ChartTypes type) {
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        return chart.createData(type, categories, values);
    }

    private static XDDFNumericalDataSource<Double> numbers(XSSFSheet sheet, int firstRow, int lastRow, int column) {
        return XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, lastRow, column, column));
    }

    private static String range(XSSFSheet sheet, int firstRow, int lastRow, int column) {
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheet.getSheetName(), true);
    }

    private long breakdown(SXSSFWorkbook workbook, SheetCells cells, Dimension dimension, OffsetDateTime from,
            OffsetDateTime until) {
        String name = switch (dimension) {
            case SPECIALTY -> "Specialty";
            case COUNTRY -> "Country";
            case LANGUAGE -> "Language";
            case SOURCE_PAGE -> "Source page";
        };
        List<Breakdown> rows = figures.breakdown(dimension, from, until);
        return table(workbook, cells, "By " + name.toLowerCase(),
                List.of(new Column(name, 34), new Column("Sign-ups in period", 18), new Column("People in period", 18),
                        new Column("Sign-ups all time", 18)),
                rows, row -> new Object[] { row.value(), row.periodSignups(), row.periodPeople(), row.allSignups() });
    }

    private long windows(SXSSFWorkbook workbook, SheetCells cells, ReportPeriod period, OffsetDateTime from) {
        LocalDate lastDay = period.end().plusWeeks(WEEKS_AHEAD);
        long rows = table(workbook, cells, "Windows",
                List.of(new Column("Window id", 10), new Column("Starts at", 18), new Column("Time zone", 18),
                        new Column("Specialty", 20), new Column("Status", 10), new Column("Hospital id", 11),
                        new Column("Hospital", 34), new Column("Seats", 8), new Column("Taken", 8),
                        new Column("Accepted", 10), new Column("Held", 8), new Column("Declined", 10),
                        new Column("Expired", 9)),
                figures.windows(from, new ReportPeriod(period.start(), lastDay).until(figures.zone())),
                w -> new Object[] { w.windowId(), w.startsAt(), w.timeZone(), w.specialty(), w.status(), w.hospitalId(),
                        w.hospitalName(), w.seats(), w.taken(), w.accepted(), w.held(), w.declined(), w.expired() });
        int weeks = (int) ChronoUnit.WEEKS.between(ReportPeriod.weekStart(period.start()), ReportPeriod.weekStart(lastDay)) + 1;
        return rows + table(workbook, cells, "Windows by week",
                List.of(new Column("Week starting", 14), new Column("Seats", 10), new Column("Taken", 10),
                        new Column("Accepted", 10)),
                figures.windowUtilizationByWeek(period.start(), weeks),
                w -> new Object[] { w.weekStart(), w.seats(), w.taken(), w.accepted() });
    }

    private long delivery(SXSSFWorkbook workbook, SheetCells cells, OffsetDateTime from, OffsetDateTime until) {
        List<Object[]> rows = new ArrayList<>();
        rows.addAll(periodAndAllTime("Ledger status", figures.invitationsByStatus(from, until),
                figures.invitationsByStatus(ReportPeriod.BEGINNING, ReportPeriod.END_OF_TIME)));
        rows.addAll(periodAndAllTime("Latest delivery event", figures.invitationsByDelivery(from, until),
                figures.invitationsByDelivery(ReportPeriod.BEGINNING, ReportPeriod.END_OF_TIME)));
        return table(workbook, cells, "Invitation delivery",
                List.of(new Column("Measure", 22), new Column("Value", 18), new Column("Created in period", 18),
                        new Column("All time", 12)),
                rows, Function.identity());
    }

    private static List<Object[]> periodAndAllTime(String measure, List<Count> inPeriod, List<Count> allTime) {
        Map<String, Long> period = new LinkedHashMap<>();
        inPeriod.forEach(count -> period.put(count.status(), count.count()));
        return allTime.stream()
                .map(count -> new Object[] { measure, count.status(), period.getOrDefault(count.status(), 0L), count.count() })
                .toList();
    }

    private long inventory(SXSSFWorkbook workbook, SheetCells cells) {
        LocalDate dueBy = LocalDate.now(clock.withZone(figures.zone())).plusDays(DUE_WITHIN_DAYS);
        List<Column> byStatus = List.of(new Column("Status", 18), new Column("Count", 10));
        return table(workbook, cells, "Guides by status", byStatus, figures.guidesByStatus(),
                    c -> new Object[] { c.status(), c.count() })
                + table(workbook, cells, "Guides due for review",
                    List.of(new Column("Guide id", 10), new Column("Slug", 40), new Column("Title", 50),
                            new Column("Status", 12), new Column("Review due", 12)),
                    figures.guidesDueForReview(dueBy),
                    g -> new Object[] { g.id(), g.slug(), g.title(), g.status(), g.reviewDue() })
                + table(workbook, cells, "Hospitals by status", byStatus, figures.hospitalsByStatus(),
                    c -> new Object[] { c.status(), c.count() })
                + table(workbook, cells, "Hospitals due",
                    List.of(new Column("Hospital id", 11), new Column("Slug", 34), new Column("Name", 50),
                            new Column("Status", 12), new Column("Verification expires", 20)),
                    figures.hospitalsDueForReverification(dueBy),
                    h -> new Object[] { h.id(), h.slug(), h.name(), h.status(), h.verificationExpires() });
    }

    private static <T> long table(SXSSFWorkbook workbook, SheetCells cells, String sheetName, List<Column> columns,
            List<T> items, Function<T, Object[]> row) {
        Sheet sheet = workbook.createSheet(sheetName);
        cells.table(sheet, columns, items.stream().map(row).toList());
        return items.size();
    }
}
