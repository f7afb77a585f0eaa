package org.ppi.costing.figures;

import java.util.Map;
import java.util.TreeMap;

import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.CenterCost;
import org.ppi.costing.rules.EmployeeCost;
import org.ppi.costing.rules.InstitutionTotals;
import org.ppi.costing.rules.ProductCost;

/** The current exact figures of one institution, as the rules computed them. */
public record CostFigures(Map<String, ProductCost> products, Map<String, EmployeeCost> employees,
                          Map<String, CenterCost> centers, Map<String, Rational> directs, InstitutionTotals totals) {
    public static CostFigures empty() {
        return new CostFigures(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null);
    }
}
