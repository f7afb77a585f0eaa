package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;

/**
 * A center's cost: payroll + nonLabour = allocatedCost + unusedCost, exactly. {@code area} is null for a
 * center known only through its employees (missing from the snapshot's centers). {@code allocatedCost} is
 * labour plus {@code nonLabourAllocated}.
 */
public record CenterCost(String centerId, CenterArea area, Rational payroll, Rational nonLabour, int employees,
                         Rational allocatedCost, Rational unusedCost, Rational capacityHours,
                         Rational allocatedHours, boolean overAllocated, Rational nonLabourAllocated) {
}
