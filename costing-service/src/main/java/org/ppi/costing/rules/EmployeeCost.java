package org.ppi.costing.rules;

import java.util.Map;
import org.ppi.contracts.money.Rational;

/**
 * An employee's capacity split into what products absorbed and what is left. {@code unusedCost} keeps its
 * sign: negative means more hours were recorded than the capacity pays for. {@code costByProduct} is
 * labour only (non-labour belongs to the center, see {@link CenterCost}).
 */
public record EmployeeCost(String employeeId, String centerId, Rational capacityCost, Rational allocatedCost,
                           Rational unusedCost, Rational contractedHours, Rational allocatedHours,
                           boolean overAllocated, Map<String, Rational> costByProduct, Rational hourPrice) {
    public EmployeeCost {
        costByProduct = Map.copyOf(costByProduct);
    }
}
