package org.ppi.platform.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A downloaded XLSX read back with Apache POI, as the tests check it: the first sheet's cells by row and column,
 * text cells as {@link String}, numeric cells as {@link BigDecimal} (cents as a spreadsheet shows them), any
 * formula cell refused (an export never writes one).
 */
public final class XlsxSheet {
    private final String name;
    private final List<List<Object>> rows;
    private final List<List<String>> formats;

    private XlsxSheet(String name, List<List<Object>> rows, List<List<String>> formats) {
        this.name = name;
        this.rows = rows;
        this.formats = formats;
    }

    public static XlsxSheet read(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            List<List<String>> formats = new ArrayList<>();
            // every row as wide as the header row (POI stops a row at its last written cell)
            int width = sheet.getRow(0) == null ? 0 : sheet.getRow(0).getLastCellNum();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Object> values = new ArrayList<>();
                List<String> rowFormats = new ArrayList<>();
                for (int c = 0; c < Math.max(width, row == null ? 0 : row.getLastCellNum()); c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    values.add(cell == null ? null : value(cell));
                    rowFormats.add(cell == null ? null : cell.getCellStyle().getDataFormatString());
                }
                rows.add(values);
                formats.add(rowFormats);
            }
            return new XlsxSheet(sheet.getSheetName(), rows, formats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Cell cell) {
        if (cell.getCellType() == CellType.FORMULA) {
            throw new AssertionError("a formula cell at " + cell.getAddress() + ": " + cell.getCellFormula());
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> null;
        };
    }

    public String name() {
        return name;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    public List<Object> headers() {
        return rows.get(0);
    }

    /** The cell at this row (0 = the header row) and column, or null. */
    public Object cell(int row, int column) {
        List<Object> values = rows.get(row);
        return column < values.size() ? values.get(column) : null;
    }

    /** The cell of this column (by header) in the first row whose column {@code keyHeader} holds {@code key}. */
    public Object cell(String keyHeader, Object key, String header) {
        int keyColumn = headers().indexOf(keyHeader);
        int column = headers().indexOf(header);
        if (keyColumn < 0 || column < 0) {
            throw new AssertionError("no column " + keyHeader + " or " + header + " in " + headers());
        }
        for (int r = 1; r < rows.size(); r++) {
            if (key.equals(cell(r, keyColumn))) {
                return cell(r, column);
            }
        }
        throw new AssertionError("no row with " + keyHeader + " = " + key);
    }

    /** The number format of a cell ("#,##0.00" for an amount). */
    public String format(int row, int column) {
        List<String> values = formats.get(row);
        return column < values.size() ? values.get(column) : null;
    }

    /** Every cell's text, for "contains / does not contain" checks. */
    public String text() {
        return rows.toString();
    }
}
