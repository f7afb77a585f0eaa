package org.ppi.costing.rules;

import java.util.Map;
import org.ppi.contracts.money.Rational;

/**
 * An employee's capacity over the fiscal year split into what products absorbed and what is left.
 * {@code unusedCost} keeps its sign: negative means more hours were recorded than the capacity pays for.
 * {@code costByProduct} is labour only (non-labour belongs to the center, see {@link CenterCost}).
 * {@code contractedHours} is the weekly contract averaged over the time worked, {@code yearShare} that time
 * (1 for the whole year), {@code centerId} the center of the last spell.
 */
public record EmployeeCost(String employeeId, String centerId, Rational capacityCost, Rational allocatedCost,
                           Rational unusedCost, Rational contractedHours, Rational allocatedHours,
                           boolean overAllocated, Map<String, Rational> costByProduct, Rational hourPrice,
                           Rational yearShare) {
    public EmployeeCost {
        costByProduct = Map.copyOf(costByProduct);
    }
}
