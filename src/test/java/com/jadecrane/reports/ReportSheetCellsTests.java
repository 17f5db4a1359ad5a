package com.jadecrane.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one cell writer of every report, on a streamed sheet written and read back. */
class ReportSheetCellsTests {

    private static final List<String> FORMULA_LIKE = List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx",
            "=HYPERLINK(\"http://evil\",\"x\")");

    @Test
    void textThatStartsLikeAFormulaIsStoredQuotePrefixedAndOtherTextIsNot() throws Exception {
        List<String> harmless = List.of("Ana", "a=b", "", "1-2", "café");
        Sheet sheet = writtenAndReadBack(FORMULA_LIKE, harmless);
        for (int i = 0; i < FORMULA_LIKE.size(); i++) {
            Cell cell = sheet.getRow(i).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(FORMULA_LIKE.get(i));
            assertThat(cell.getCellStyle().getQuotePrefixed()).as(FORMULA_LIKE.get(i)).isTrue();
        }
        for (int i = 0; i < harmless.size(); i++) {
            Cell cell = sheet.getRow(FORMULA_LIKE.size() + i).getCell(0);
            assertThat(cell.getStringCellValue()).isEqualTo(harmless.get(i));
            assertThat(cell.getCellStyle().getQuotePrefixed()).as(harmless.get(i)).isFalse();
        }
        Row typed = sheet.getRow(FORMULA_LIKE.size() + harmless.size());
        assertThat(typed.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(typed.getCell(0).getNumericCellValue()).isEqualTo(42);
        assertThat(DateUtil.isCellDateFormatted(typed.getCell(1))).isTrue();
        assertThat(typed.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(DateUtil.isCellDateFormatted(typed.getCell(2))).isTrue();
        assertThat(typed.getCell(2).getLocalDateTimeCellValue()).as("on the reports' clock")
                .isEqualTo(LocalDate.of(2026, 11, 16).atTime(8, 30));
        assertThat(typed.getCell(3).getBooleanCellValue()).isTrue();
        assertThat(typed.getCell(4)).as("null leaves the cell empty").isNull();
    }

    private static Sheet writtenAndReadBack(List<String> formulaLike, List<String> harmless) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(2)) {
            SheetCells cells = new SheetCells(workbook, ZoneId.of("Asia/Shanghai"));
            Sheet sheet = workbook.createSheet("cells");
            int row = 0;
            for (String text : formulaLike) {
                cells.row(sheet, row++, text);
            }
            for (String text : harmless) {
                cells.row(sheet, row++, text);
            }
            cells.row(sheet, row, 42L, LocalDate.of(2026, 11, 16), OffsetDateTime.parse("2026-11-16T00:30:00Z"), true, null);
            workbook.write(out);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())).getSheetAt(0);
    }
}
