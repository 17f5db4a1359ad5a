package com.jadecrane.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The export going on in a new sheet when one is full, with a few rows per sheet instead of Excel's
 * million: the five sign-ups of {@link ReportTestData}'s week, read back with POI.
 */
@IntegrationTest
class WaitlistDetailExportTests {

    @Autowired
    JdbcClient jdbc;

    ReportTestData data;
    /** The week's sign-up ids in the export's order (received at noon of days 0 to 4). */
    List<Long> signups;

    @BeforeEach
    void seed() {
        data = new ReportTestData(jdbc).seed();
        signups = jdbc.sql("""
                select id from waitlist_signup where source_page = ? and received_at >= ? and received_at < ?
                order by received_at""").params(data.sourcePage, data.period.from(ReportTestData.ZONE),
                data.period.until(ReportTestData.ZONE)).query(Long.class).list();
        assertThat(signups).as("seeded sign-ups in the week").hasSize(5);
    }

    @Test
    void aFullSheetGoesOnInANewOneWithTheSameHeaderAndEveryRowOnceInOrder() throws Exception {
        try (XSSFWorkbook workbook = exported(3)) {
            assertThat(sheetNames(workbook)).containsExactly("Sign-ups", "Sign-ups (2)");
            assertThat(ids(workbook.getSheetAt(0))).containsExactlyElementsOf(signups.subList(0, 3));
            assertThat(ids(workbook.getSheetAt(1))).containsExactlyElementsOf(signups.subList(3, 5));
            List<String> header = header(workbook.getSheetAt(0));
            assertThat(header).startsWith("Sign-up id", "Received at").hasSize(13);
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName();
                assertThat(header(sheet)).as(name).isEqualTo(header);
                assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).as(name).isTrue();
                assertThat(sheet.getPaneInformation()).as(name + " has a frozen header").isNotNull();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
                assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).as(name)
                        .isEqualTo("A1:M" + (sheet.getLastRowNum() + 1));
                assertThat(sheet.getColumnWidth(6)).as(name + " email column").isEqualTo(34 * 256);
            }
        }
    }

    @Test
    void aSheetFilledExactlyGetsNoEmptySheetAfterItAndOneRowPerSheetStillKeepsTheOrder() throws Exception {
        try (XSSFWorkbook workbook = exported(5)) {
            assertThat(sheetNames(workbook)).containsExactly("Sign-ups");
            assertThat(ids(workbook.getSheetAt(0))).containsExactlyElementsOf(signups);
        }
        try (XSSFWorkbook workbook = exported(1)) {
            assertThat(sheetNames(workbook)).containsExactly("Sign-ups", "Sign-ups (2)", "Sign-ups (3)", "Sign-ups (4)",
                    "Sign-ups (5)");
            List<Long> all = new ArrayList<>();
            workbook.forEach(sheet -> all.addAll(ids(sheet)));
            assertThat(all).containsExactlyElementsOf(signups);
        }
    }

    @Test
    void theDefaultIsExcelsRowLimitLessTheHeader() {
        assertThat(WaitlistDetailExport.MAX_ROWS_PER_SHEET).isEqualTo(1_048_575);
        assertThatThrownBy(() -> new WaitlistDetailExport(jdbc, ReportTestData.ZONE, WaitlistDetailExport.MAX_ROWS_PER_SHEET + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitlistDetailExport(jdbc, ReportTestData.ZONE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private XSSFWorkbook exported(int rowsPerSheet) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = new WaitlistDetailExport(jdbc, ReportTestData.ZONE, rowsPerSheet).write(data.period, out);
        assertThat(rows).as("rows reported").isEqualTo(5);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> header(Sheet sheet) {
        List<String> titles = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> titles.add(cell.getStringCellValue()));
        return titles;
    }

    /** The sign-up ids of a sheet's data rows, top to bottom (no gaps: the rows follow one another). */
    private static List<Long> ids(Sheet sheet) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            ids.add((long) row.getCell(0).getNumericCellValue());
        }
        return ids;
    }
}
