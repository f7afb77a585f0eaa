package org.ppi.launcher.airtable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table of an Airtable base as its CSV export holds it: the file's name, the columns in file order and the rows
 * keyed by column name (the first row of the file). {@code line} is the row's line in the file as a spreadsheet shows
 * it (the header is line 1), so a report can point at it.
 */
record ExportTable(String file, List<String> columns, List<Row> rows) {

    record Row(int line, Map<String, String> cells) {
        /** The cell of the first of {@code names} that is a column of the table, trimmed; empty when blank. */
        Optional<String> cell(List<String> names) {
            for (String name : names) {
                String value = cells.get(Headers.normalized(name));
                if (value != null) {
                    return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
                }
            }
            return Optional.empty();
        }
    }

    /** The first of {@code names} the table has as a column (compared without case and accents), if any. */
    Optional<String> column(List<String> names) {
        for (String name : names) {
            for (String column : columns) {
                if (Headers.normalized(column).equals(Headers.normalized(name))) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }
}
