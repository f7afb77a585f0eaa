package org.ppi.survey.interview;

import java.math.BigDecimal;
import java.util.List;

import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.TextLimits;

/**
 * The cells of an interview sheet: a whole employees × products matrix of weekly hours, recorded by one
 * {@link InterviewCommands.RecordInterviewSheet}. A sheet holds at most {@link #MAX_CELLS} cells (a center of 200
 * employees and 100 products); it bounds itself, instead of the 500-item limit {@link TextLimits} puts on a
 * command's lists, and checks each cell's ids against the same id length.
 */
public final class InterviewSheet {
    public static final int MAX_CELLS = 20_000;
    private final List<SheetCell> cells;

    public InterviewSheet(List<SheetCell> cells) {
        if (cells == null || cells.isEmpty()) {
            throw DomainRejection.badRequest("interview.sheet-empty", "cells");
        }
        if (cells.size() > MAX_CELLS) {
            throw DomainRejection.badRequest("interview.sheet-too-large", "cells", MAX_CELLS, cells.size());
        }
        for (int i = 0; i < cells.size(); i++) {
            SheetCell cell = cells.get(i);
            if (cell == null) {
                throw DomainRejection.badRequest("request.missing-parameter", "cells[" + i + "]", "cells[" + i + "]");
            }
            TextLimits.check(cell);
        }
        this.cells = List.copyOf(cells);
    }

    public static InterviewSheet of(SheetCell... cells) {
        return new InterviewSheet(List.of(cells));
    }

    public List<SheetCell> cells() {
        return cells;
    }

    public int size() {
        return cells.size();
    }

    /** One cell: the weekly hours an employee spends on a product (0 removes the allocation). */
    public record SheetCell(String employeeId, String productId, BigDecimal hours) {
    }

    @Override
    public String toString() {
        return "InterviewSheet[" + cells.size() + " cells]";
    }
}
