package org.ppi.costing.figures;

import java.util.Set;

/** New figures after one event, and which of them changed (or disappeared) compared with before. */
public record Recalculation(CostFigures figures, Set<String> changedProducts, Set<String> changedEmployees,
                            Set<String> changedCenters, boolean totalsChanged) {
    public boolean isEmpty() {
        return changedProducts.isEmpty() && changedEmployees.isEmpty() && changedCenters.isEmpty() && !totalsChanged;
    }
}
