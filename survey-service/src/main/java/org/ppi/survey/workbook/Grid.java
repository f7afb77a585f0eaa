package org.ppi.survey.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.util.CellReference;

/**
 * One sheet as it was read, XLSX or CSV alike: its rows (1-based, as a spreadsheet numbers them) and their cells
 * by column (0-based; A is 0), each with what kind of value it held.
 */
record Grid(String sheet, List<Row> rows) {

    enum Kind {
        NUMBER, TEXT, BOOLEAN, ERROR, FORMULA
    }

    /** A cell's value as written: a number's digits, a text, a formula's text. */
    record Cell(Kind kind, String text) {
        boolean blank() {
            return kind == Kind.TEXT && text.isBlank();
        }
    }

    record Row(int number, Map<Integer, Cell> cells) {
        Cell at(int column) {
            return cells.get(column);
        }

        String textAt(int column) {
            Cell cell = cells.get(column);
            return cell == null ? "" : cell.text().trim();
        }
    }

    static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    /** Builds a grid row by row. */
    static final class Builder {
        private final String sheet;
        private final List<Row> rows = new ArrayList<>();
        private TreeMap<Integer, Cell> current;
        private int currentNumber;

        Builder(String sheet) {
            this.sheet = sheet;
        }

        void startRow(int number) {
            current = new TreeMap<>();
            currentNumber = number;
        }

        void cell(int column, Kind kind, String text) {
            current.put(column, new Cell(kind, text == null ? "" : text));
        }

        void endRow() {
            if (current != null && !current.isEmpty()) {
                rows.add(new Row(currentNumber, current));
            }
            current = null;
        }

        int rowCount() {
            return rows.size();
        }

        Grid build() {
            return new Grid(sheet, List.copyOf(rows));
        }
    }
}
