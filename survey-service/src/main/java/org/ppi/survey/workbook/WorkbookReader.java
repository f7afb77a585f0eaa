package org.ppi.survey.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.ppi.survey.interview.InterviewSheet.SheetCell;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded workbook into the cells of one interview sheet, each with where it came from, and every
 * problem of its shape (wrong or missing columns, missing sheet, text or formulas where hours go, repeated
 * employees or products), all of them, before any rule of the interview is applied.
 */
@Component
class WorkbookReader {
    static final int MAX_ROWS = 10_000;
    static final int MAX_COLUMNS = 1_000;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    private static final String GUARDED = "=+-@\t\r";

    private final WorkbookLayout layout;

    WorkbookReader(WorkbookLayout layout) {
        this.layout = layout;
    }

    enum Format {
        XLSX, CSV
    }

    record Result(Grid grid, List<WorkbookProblem> problems) {
    }

    /** A cell of the sheet and where it is: its row, its column letter, and the rows/columns of its ids. */
    record Located(SheetCell cell, String sheet, int row, String column, String productColumn) {
    }

    record Parsed(Format format, String sheet, List<Located> cells, Map<String, Integer> employeeRows,
                  Map<String, String> productColumns, List<WorkbookProblem> problems) {
    }

    static Format formatOf(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
                ? Format.XLSX : Format.CSV;
    }

    Parsed read(byte[] bytes, Locale locale) {
        Format format = formatOf(bytes);
        List<WorkbookProblem> problems = new ArrayList<>();
        if (bytes.length == 0) {
            problems.add(WorkbookProblem.file("workbook.empty"));
            return new Parsed(format, null, List.of(), Map.of(), Map.of(), problems);
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && bytes[2] == 0x11
                && (bytes[3] & 0xFF) == 0xE0) {
            problems.add(WorkbookProblem.file("workbook.format-unsupported"));
            return new Parsed(format, null, List.of(), Map.of(), Map.of(), problems);
        }
        Result read = format == Format.XLSX ? XlsxReader.read(bytes, layout) : CsvReader.read(bytes, layout, locale);
        problems.addAll(read.problems());
        if (read.grid() == null) {
            return new Parsed(format, null, List.of(), Map.of(), Map.of(), problems);
        }
        return cells(format, read.grid(), problems);
    }

    private Parsed cells(Format format, Grid grid, List<WorkbookProblem> problems) {
        String sheet = grid.sheet();
        List<Located> cells = new ArrayList<>();
        Map<String, Integer> employeeRows = new LinkedHashMap<>();
        Map<String, String> productColumns = new LinkedHashMap<>();
        if (grid.rows().isEmpty() || grid.rows().get(0).number() != 1) {
            problems.add(WorkbookProblem.at(sheet, 1, null, "workbook.header-missing", sheet));
            return new Parsed(format, sheet, cells, employeeRows, productColumns, problems);
        }
        Grid.Row header = grid.rows().get(0);
        boolean columnsRight = true;
        for (int i = 0; i < WorkbookLayout.FIXED_COLUMNS; i++) {
            Grid.Cell cell = header.at(i);
            String found = cell == null ? "" : cell.text().trim();
            if (cell == null || cell.kind() != Grid.Kind.TEXT || !layout.isHeader(i, found)) {
                columnsRight = false;
                problems.add(WorkbookProblem.at(sheet, 1, Grid.column(i), found.isEmpty()
                        ? "workbook.column-missing" : "workbook.column-unexpected",
                        layout.label(localeOfRequest(), WorkbookLayout.COLUMNS.get(i)), found));
            }
        }
        if (!columnsRight) {
            return new Parsed(format, sheet, cells, employeeRows, productColumns, problems);
        }
        Map<Integer, String> products = new LinkedHashMap<>();
        Map<String, Integer> seenProducts = new HashMap<>();
        java.util.Set<Integer> headed = new java.util.HashSet<>();
        for (Map.Entry<Integer, Grid.Cell> entry : header.cells().entrySet()) {
            int column = entry.getKey();
            if (column < WorkbookLayout.FIXED_COLUMNS || entry.getValue().blank()) {
                continue;
            }
            String letter = Grid.column(column);
            headed.add(column);
            if (column >= WorkbookLayout.FIXED_COLUMNS + MAX_COLUMNS) {
                problems.add(WorkbookProblem.at(sheet, 1, letter, "workbook.too-many-columns", sheet, MAX_COLUMNS));
                break;
            }
            if (entry.getValue().kind() == Grid.Kind.FORMULA) {
                problems.add(WorkbookProblem.at(sheet, 1, letter, "workbook.formula", entry.getValue().text()));
                continue;
            }
            String id = unguarded(entry.getValue().text().trim());
            Integer earlier = seenProducts.putIfAbsent(id, column);
            if (earlier != null) {
                problems.add(WorkbookProblem.at(sheet, 1, letter, "workbook.product-repeated", id, Grid.column(earlier)));
                continue;
            }
            products.put(column, id);
            productColumns.put(id, letter);
        }
        if (products.isEmpty()) {
            problems.add(WorkbookProblem.at(sheet, 1, Grid.column(WorkbookLayout.FIXED_COLUMNS),
                    "workbook.products-missing"));
        }
        for (Grid.Row row : grid.rows().subList(1, grid.rows().size())) {
            Grid.Cell idCell = row.at(0);
            String id = idCell == null ? "" : unguarded(idCell.text().trim());
            if (idCell != null && idCell.kind() == Grid.Kind.FORMULA) {
                problems.add(WorkbookProblem.at(sheet, row.number(), "A", "workbook.formula", idCell.text()));
                continue;
            }
            if (id.isEmpty()) {
                boolean info = layout.isInfoLabel(row.textAt(WorkbookLayout.LABEL_COLUMN));
                boolean hours = products.keySet().stream().anyMatch(c -> row.at(c) != null && !row.at(c).blank());
                if (!info && hours) {
                    problems.add(WorkbookProblem.at(sheet, row.number(), "A", "workbook.employee-missing"));
                }
                continue;
            }
            Integer earlier = employeeRows.putIfAbsent(id, row.number());
            if (earlier != null) {
                problems.add(WorkbookProblem.at(sheet, row.number(), "A", "workbook.employee-repeated", id, String.valueOf(earlier)));
                continue;
            }
            for (Map.Entry<Integer, Grid.Cell> extra : row.cells().entrySet()) {
                if (extra.getKey() >= WorkbookLayout.FIXED_COLUMNS && !headed.contains(extra.getKey())
                        && !extra.getValue().blank()) {
                    problems.add(WorkbookProblem.at(sheet, row.number(), Grid.column(extra.getKey()),
                            "workbook.product-column-missing"));
                }
            }
            for (Map.Entry<Integer, String> product : products.entrySet()) {
                String letter = Grid.column(product.getKey());
                Grid.Cell value = row.at(product.getKey());
                BigDecimal hours = plain(hours(value, sheet, row.number(), letter, problems));
                if (hours != null) {
                    cells.add(new Located(new SheetCell(id, product.getValue(), hours), sheet, row.number(), letter,
                            letter));
                }
            }
        }
        return new Parsed(format, sheet, cells, employeeRows, productColumns, problems);
    }

    /** A cell's weekly hours: blank is 0; a number as stored; a text only if it reads as a number (1,5 or 1.5). */
    private static BigDecimal hours(Grid.Cell value, String sheet, int row, String column, List<WorkbookProblem> problems) {
        if (value == null || value.blank()) {
            return BigDecimal.ZERO;
        }
        String text = value.text().trim();
        switch (value.kind()) {
            case FORMULA -> {
                problems.add(WorkbookProblem.at(sheet, row, column, "workbook.formula", text));
                return null;
            }
            case NUMBER -> {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    problems.add(WorkbookProblem.at(sheet, row, column, "workbook.not-a-number", text));
                    return null;
                }
            }
            case TEXT -> {
                if (NUMBER.matcher(text).matches() && text.chars().filter(c -> c == ',' || c == '.').count() <= 1) {
                    return new BigDecimal(text.replace(',', '.'));
                }
                problems.add(WorkbookProblem.at(sheet, row, column, "workbook.not-a-number", text));
                return null;
            }
            default -> {
                problems.add(WorkbookProblem.at(sheet, row, column, "workbook.not-a-number", text));
                return null;
            }
        }
    }

    /** 10.0 as 10, 5.250 as 5.25 (never 1E+1). */
    private static BigDecimal plain(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An id the CSV download guarded with an apostrophe (it began like a formula) reads as written. */
    private static String unguarded(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && GUARDED.indexOf(text.charAt(1)) >= 0
                ? text.substring(1) : text;
    }

    private static Locale localeOfRequest() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
}
