package org.ppi.costing.figures;

import java.util.Set;

/**
 * New figures after one event (or batch), which of them changed (or disappeared) compared with before, and their
 * values before: {@code before} holds at least every changed figure's previous value and the previous totals
 * (the projection updates its figures in place, so the previous whole is not kept).
 */
public record Recalculation(CostFigures figures, Set<String> changedProducts, Set<String> changedEmployees,
                            Set<String> changedCenters, boolean totalsChanged, CostFigures before) {
    public boolean isEmpty() {
        return changedProducts.isEmpty() && changedEmployees.isEmpty() && changedCenters.isEmpty() && !totalsChanged;
    }
}
