package org.ppi.costing.figures;

import java.util.Map;
import java.util.TreeMap;

import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.CenterCost;
import org.ppi.costing.rules.CostingIndex;
import org.ppi.costing.rules.EmployeeCost;
import org.ppi.costing.rules.InstitutionTotals;
import org.ppi.costing.rules.ProductCost;

/**
 * The current exact figures of one institution, as the rules computed them, and the rules' index they were
 * computed on. The projection keeps them between events and updates maps and index in place (see
 * {@link IncrementalUpdate}); a snapshot computed for a query is never updated.
 */
public record CostFigures(Map<String, ProductCost> products, Map<String, EmployeeCost> employees,
                          Map<String, CenterCost> centers, Map<String, Rational> directs, InstitutionTotals totals,
                          FigureCounts counts, CostingIndex index) {
    public static CostFigures empty() {
        return new CostFigures(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null,
                FigureCounts.NONE, null);
    }

    /** Figures just computed whole: their counts are counted. */
    static CostFigures counted(Map<String, ProductCost> products, Map<String, EmployeeCost> employees,
                               Map<String, CenterCost> centers, Map<String, Rational> directs, InstitutionTotals totals,
                               CostingIndex index) {
        CostFigures figures = new CostFigures(products, employees, centers, directs, totals, FigureCounts.NONE, index);
        return figures.with(totals, FigureCounts.of(figures));
    }

    /** The same figures with other totals and counts (the maps are shared, not copied). */
    CostFigures with(InstitutionTotals newTotals, FigureCounts newCounts) {
        return new CostFigures(products, employees, centers, directs, newTotals, newCounts, index);
    }
}
