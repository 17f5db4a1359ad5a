package com.jadecrane.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes every cell of every report, so each sheet gets the same real cell types (numbers,
 * dates with a date format) and the same protection: text that a spreadsheet would read as a
 * formula ({@code = + - @}, tab, carriage return first) is stored as a string with the
 * quote-prefix style, so it shows as typed and never runs. One instance per workbook (styles are
 * the workbook's).
 */
final class SheetCells {

    private final CellStyle header;
    private final CellStyle quoted;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final ZoneId zone;

    SheetCells(Workbook workbook, ZoneId zone) {
        this.zone = zone;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        date = workbook.createCellStyle();
        date.setDataFormat(dateFormat);
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    }

    /** Whether a spreadsheet would take this text for a formula (or a DDE command). */
    static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** A header row: bold on grey, frozen above the data. */
    void header(Sheet sheet, int rowIndex, List<Column> columns) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i).title());
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, rowIndex + 1);
    }

    /**
     * The columns' widths. Set once the rows are written: a streamed sheet looks each unstyled
     * cell's style up among the column definitions as it flushes the cell, so defining columns
     * first made the million-row export about 1.5 times slower.
     */
    void columnWidths(Sheet sheet, List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
    }

    /** A row of values; each value's type decides the cell's (null leaves the cell empty). */
    void row(Sheet sheet, int rowIndex, Object... values) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.length; i++) {
            value(row, i, values[i]);
        }
    }

    /** Header, rows and an auto-filter over them: one table filling a sheet from its first row. */
    void table(Sheet sheet, List<Column> columns, List<Object[]> rows) {
        header(sheet, 0, columns);
        for (int i = 0; i < rows.size(); i++) {
            row(sheet, i + 1, rows.get(i));
        }
        autoFilter(sheet, 0, rows.size(), columns.size());
        columnWidths(sheet, columns);
    }

    void autoFilter(Sheet sheet, int headerRow, int dataRows, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(headerRow, headerRow + dataRows, 0, columns - 1));
    }

    void value(Row row, int column, Object value) {
        if (value instanceof String text) {
            text(row, column, text);
        }
        else if (value instanceof Number number) {
            row.createCell(column).setCellValue(number.doubleValue());
        }
        else if (value instanceof Boolean flag) {
            row.createCell(column).setCellValue(flag);
        }
        else if (value instanceof LocalDate day) {
            Cell cell = row.createCell(column);
            cell.setCellValue(day);
            cell.setCellStyle(date);
        }
        else if (value instanceof OffsetDateTime instant) {
            dateTime(row, column, instant);
        }
        else if (value != null) {
            throw new IllegalArgumentException("No cell type for " + value.getClass().getName());
        }
    }

    /** Text as typed; one that starts like a formula gets the quote-prefix style (null: no cell). */
    void text(Row row, int column, String text) {
        if (text == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        if (startsLikeFormula(text)) {
            cell.setCellStyle(quoted);
        }
    }

    void dateTime(Row row, int column, OffsetDateTime instant) {
        Cell cell = row.createCell(column);
        // spreadsheets have no zones: shown on the reports' clock, as the period is
        cell.setCellValue(instant.atZoneSameInstant(zone).toLocalDateTime());
        cell.setCellStyle(dateTime);
    }

    /** A column's title and width in characters. */
    record Column(String title, int width) {
    }
}
