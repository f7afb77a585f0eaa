package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Reads one column of one row for a mapping, reporting what is wrong with it at its file, line and column: a
 * missing required value, a number that is none, a text longer than the platform keeps.
 */
final class Cell {
    static final int NAME_LIMIT = 300;
    static final int TEXT_LIMIT = 4_000;

    private final ExportTable table;
    private final ExportTable.Row row;
    private final MappingReport report;

    Cell(ExportTable table, ExportTable.Row row, MappingReport report) {
        this.table = table;
        this.row = row;
        this.report = report;
    }

    int line() {
        return row.line();
    }

    Optional<String> text(List<String> column, int limit) {
        Optional<String> value = row.cell(column);
        if (value.isPresent() && value.get().length() > limit) {
            report.error(table.file(), row.line(), shown(column), "el texto pasa de " + limit + " caracteres ("
                    + value.get().length() + ")", "the text is longer than " + limit + " characters");
            return Optional.empty();
        }
        return value;
    }

    Optional<String> required(List<String> column, int limit) {
        Optional<String> value = text(column, limit);
        if (value.isEmpty() && row.cell(column).isEmpty()) {
            report.error(table.file(), row.line(), shown(column), "falta el valor: la fila no se importa",
                    "the value is missing: the row is not imported");
        }
        return value;
    }

    /** A number if the cell holds one; a cell that holds something else is an error, an empty one is empty. */
    Optional<BigDecimal> number(List<String> column) {
        Optional<String> value = row.cell(column);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = Cells.number(value.get());
        if (number.isEmpty()) {
            report.error(table.file(), row.line(), shown(column), "se esperaba un número y se encontró «"
                    + value.get() + "»", "a number was expected, found '" + value.get() + "'");
        }
        return number;
    }

    void error(List<String> column, String spanish, String english) {
        report.error(table.file(), row.line(), column == null ? null : shown(column), spanish, english);
    }

    void warning(List<String> column, String spanish, String english) {
        report.warning(table.file(), row.line(), column == null ? null : shown(column), spanish, english);
    }

    /** The column as the file names it (the first alias when the file lacks it). */
    private String shown(List<String> column) {
        return table.column(column).orElse(column.get(0));
    }
}
