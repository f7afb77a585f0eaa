package org.ppi.survey.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ppi.platform.web.Csv;
import org.springframework.stereotype.Component;

/**
 * Writes an interview's workbook (see {@link WorkbookLayout}) in the caller's language: XLSX with Apache POI (texts
 * are written as texts, never as formulas), CSV with the platform's {@link Csv} (UTF-8 with BOM, formula guard).
 * Hours are numbers; a pair without hours is left blank.
 */
@Component
class WorkbookWriter {
    private final WorkbookLayout layout;

    WorkbookWriter(WorkbookLayout layout) {
        this.layout = layout;
    }

    /** The sheet as rows of values (String, BigDecimal or null), the same for both formats. */
    List<Object[]> rows(WorkbookTemplate.Contents contents, Locale locale) {
        List<WorkbookTemplate.Product> products = contents.products();
        int width = WorkbookLayout.FIXED_COLUMNS + products.size();
        List<Object[]> rows = new ArrayList<>();
        Object[] header = new Object[width];
        for (int i = 0; i < WorkbookLayout.FIXED_COLUMNS; i++) {
            header[i] = layout.label(locale, WorkbookLayout.COLUMNS.get(i));
        }
        for (int p = 0; p < products.size(); p++) {
            header[WorkbookLayout.FIXED_COLUMNS + p] = products.get(p).id();
        }
        rows.add(header);
        for (int info = 0; info < WorkbookLayout.INFO_ROWS; info++) {
            Object[] row = new Object[width];
            row[WorkbookLayout.LABEL_COLUMN] = layout.label(locale, WorkbookLayout.INFO.get(info));
            for (int p = 0; p < products.size(); p++) {
                WorkbookTemplate.Product product = products.get(p);
                row[WorkbookLayout.FIXED_COLUMNS + p] = switch (info) {
                    case 0 -> product.name();
                    case 1 -> product.type() == null ? null : layout.label(locale, "workbook.type." + product.type());
                    case 2 -> product.volume() == null ? null : product.volume().stripTrailingZeros();
                    default -> product.unit();
                };
            }
            rows.add(row);
        }
        for (WorkbookTemplate.Employee employee : contents.employees()) {
            Object[] row = new Object[width];
            row[0] = employee.id();
            row[1] = employee.name();
            row[2] = employee.position();
            row[3] = employee.contractedHours() == null ? null : employee.contractedHours().stripTrailingZeros();
            for (int p = 0; p < products.size(); p++) {
                BigDecimal hours = contents.hours(employee.id(), products.get(p).id());
                row[WorkbookLayout.FIXED_COLUMNS + p] = hours == null || hours.signum() == 0 ? null
                        : hours.stripTrailingZeros();
            }
            rows.add(row);
        }
        return rows;
    }

    byte[] xlsx(WorkbookTemplate.Contents contents, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(layout.sheetName(locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<Object[]> rows = rows(contents, locale);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    Object value = values[c];
                    if (value == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                    if (r <= WorkbookLayout.INFO_ROWS || c < WorkbookLayout.FIXED_COLUMNS - 2) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.createFreezePane(WorkbookLayout.FIXED_COLUMNS, WorkbookLayout.INFO_ROWS + 1);
            sheet.setColumnWidth(0, 18 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 24 * 256);
            sheet.setColumnWidth(3, 18 * 256);
            for (int p = 0; p < contents.products().size(); p++) {
                sheet.setColumnWidth(WorkbookLayout.FIXED_COLUMNS + p, 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Csv csv(WorkbookTemplate.Contents contents, Locale locale) {
        Csv csv = new Csv();
        rows(contents, locale).forEach(csv::row);
        return csv;
    }
}
