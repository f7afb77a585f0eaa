package org.ppi.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An {@link ExportTable} as one XLSX sheet (Apache POI): a bold header row, frozen and filterable, then the rows.
 * Amounts are numeric cells with a two-decimal format, numbers numeric cells, dates date cells (UTC); text is
 * always a string cell, never a formula, and carries the same apostrophe as in the CSV when it starts like one
 * ({@link Csv#guarded}), so a copy of the cell into another sheet or a CSV stays harmless.
 */
final class XlsxTable {
    private XlsxTable() {
    }

    static byte[] write(ExportTable table, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheetName(locale)));
            Styles styles = new Styles(workbook);
            List<String> headers = table.headers(locale);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(Csv.guarded(headers.get(c)));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, Math.min(60, Math.max(12, headers.get(c).length() + 4)) * 256);
            }
            List<ExportTable.Column> columns = table.columns();
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value != null) {
                        write(row.createCell(c), columns.get(c).type(), value, styles, locale);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            if (!headers.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, headers.size() - 1));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, ExportTable.CellType type, Object value, Styles styles, Locale locale) {
        switch (type) {
            case AMOUNT -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(styles.amount);
            }
            case NUMBER -> cell.setCellValue(((Number) value).doubleValue());
            case DATE -> {
                if (value instanceof Instant instant) {
                    cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                    cell.setCellStyle(styles.instant);
                } else {
                    cell.setCellValue((LocalDate) value);
                    cell.setCellStyle(styles.date);
                }
            }
            case TEXT -> cell.setCellValue(Csv.guarded(ExportTable.text(value, locale)));
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle amount;
        final CellStyle date;
        final CellStyle instant;

        Styles(XSSFWorkbook workbook) {
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            var formats = workbook.createDataFormat();
            amount = workbook.createCellStyle();
            amount.setDataFormat(formats.getFormat("#,##0.00"));
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            instant = workbook.createCellStyle();
            instant.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }
}
