package org.ppi.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A view as a table for a download ({@link TableExport}): typed columns with a Spanish and an English header, and
 * rows of cells. Each service maps its view rows to one; the kernel writes it as CSV or XLSX, so the two formats
 * always hold the same cells.
 * <p>
 * Cells by column type: {@code TEXT} any value (a {@link Boolean} as Sí/No, Yes/No, a {@link Label} in the
 * caller's language; anything else by
 * {@code toString()}), {@code AMOUNT} a {@link BigDecimal} rounded half-up to cents here, once (the views' amounts
 * already are), {@code NUMBER} a {@link Number} (hours, volumes, counts) as it is, {@code DATE} an {@link Instant}
 * (UTC) or a {@link LocalDate}. {@code null} is an empty cell.
 */
public final class ExportTable {
    public enum CellType { TEXT, AMOUNT, NUMBER, DATE }

    /** A column: a stable key, its header in Spanish and in English, and the type of its cells. */
    public record Column(String key, String spanish, String english, CellType type) {
        public static Column text(String key, String spanish, String english) {
            return new Column(key, spanish, english, CellType.TEXT);
        }

        public static Column amount(String key, String spanish, String english) {
            return new Column(key, spanish, english, CellType.AMOUNT);
        }

        public static Column number(String key, String spanish, String english) {
            return new Column(key, spanish, english, CellType.NUMBER);
        }

        public static Column date(String key, String spanish, String english) {
            return new Column(key, spanish, english, CellType.DATE);
        }

        /** English when the caller asked for it (Accept-Language: en…), Spanish otherwise: as the error messages. */
        public String header(Locale locale) {
            return ExportTable.english(locale) ? english : spanish;
        }
    }

    /** A text cell in both languages (a total row's label, a line's name): written in the caller's. */
    public record Label(String spanish, String english) {
        public String in(Locale locale) {
            return ExportTable.english(locale) ? english : spanish;
        }
    }

    private final String sheetSpanish;
    private final String sheetEnglish;
    private final List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private ExportTable(String sheetSpanish, String sheetEnglish, List<Column> columns) {
        this.sheetSpanish = sheetSpanish;
        this.sheetEnglish = sheetEnglish;
        this.columns = List.copyOf(columns);
    }

    /** A table whose XLSX sheet is named {@code sheetSpanish} / {@code sheetEnglish} (≤ 31 characters). */
    public static ExportTable of(String sheetSpanish, String sheetEnglish, Column... columns) {
        return new ExportTable(sheetSpanish, sheetEnglish, Arrays.asList(columns));
    }

    /** Adds a row: one cell per column, in column order, each of a shape its column's type accepts. */
    public ExportTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + columns.size() + " columns");
        }
        List<Object> row = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            row.add(checked(columns.get(i), cells[i]));
        }
        rows.add(Collections.unmodifiableList(row));
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    public String sheetName(Locale locale) {
        return english(locale) ? sheetEnglish : sheetSpanish;
    }

    public List<String> headers(Locale locale) {
        return columns.stream().map(c -> c.header(locale)).toList();
    }

    /** The text of a TEXT cell in the caller's language (booleans as Sí/No), before any formula guard. */
    static String text(Object value, Locale locale) {
        if (value instanceof Label label) {
            return label.in(locale);
        }
        if (value instanceof Boolean yes) {
            return english(locale) ? (yes ? "Yes" : "No") : (yes ? "Sí" : "No");
        }
        return value.toString();
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static Object checked(Column column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case TEXT -> value;
            case AMOUNT -> {
                if (!(value instanceof BigDecimal amount)) {
                    throw mismatch(column, value);
                }
                yield amount.setScale(2, RoundingMode.HALF_UP);
            }
            case NUMBER -> {
                if (!(value instanceof Number)) {
                    throw mismatch(column, value);
                }
                yield value instanceof BigDecimal d ? plain(d) : value;
            }
            case DATE -> {
                if (!(value instanceof Instant) && !(value instanceof LocalDate)) {
                    throw mismatch(column, value);
                }
                yield value;
            }
        };
    }

    /** 1200, not 1.2E+3 nor 1200.000000. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static IllegalArgumentException mismatch(Column column, Object value) {
        return new IllegalArgumentException("column " + column.key() + " (" + column.type() + ") cannot hold a "
                + value.getClass().getSimpleName());
    }
}
