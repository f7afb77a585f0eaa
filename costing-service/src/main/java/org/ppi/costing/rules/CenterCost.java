package org.ppi.costing.rules;

import java.util.Map;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;

/**
 * A center's cost over the fiscal year: payroll + nonLabour = allocatedCost + unusedCost, exactly. {@code area}
 * is null for a center known only through its employees (missing from the snapshot's centers).
 * {@code allocatedCost} is labour plus {@code nonLabourAllocated}. {@code employees} counts the people who
 * worked there in the year, {@code staffYears} the time they did (1 per whole year). {@code labourByProduct}:
 * the labour of the time spent in this center, by product.
 */
public record CenterCost(String centerId, CenterArea area, Rational payroll, Rational nonLabour, int employees,
                         Rational staffYears, Rational allocatedCost, Rational unusedCost, Rational capacityHours,
                         Rational allocatedHours, boolean overAllocated, Rational nonLabourAllocated,
                         Map<String, Rational> labourByProduct) {
    public CenterCost {
        labourByProduct = Map.copyOf(labourByProduct);
    }
}
