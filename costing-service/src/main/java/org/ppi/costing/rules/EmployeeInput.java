package org.ppi.costing.rules;

import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * An active employee. {@code contractedHours} null means the institution's standard week W (DOMAIN.md's
 * default); it is resolved by {@link CostingIndex#contractedHours(EmployeeInput)} because W belongs to the
 * snapshot, not to the employee.
 */
public record EmployeeInput(String employeeId, String centerId, Rational annualCost, Rational contractedHours) {
    public EmployeeInput {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(centerId, "centerId");
        annualCost = annualCost == null ? Rational.ZERO : annualCost;
    }
}
