package org.ppi.costing.rules;

import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * Weekly hours an employee spends on a product (the seed's "Tiempo"). Several rows for the same pair are
 * added together: the survey may record a correction as a second row. Both ids must be in the snapshot
 * (the caller drops allocations of employees who left or products retired).
 */
public record AllocationInput(String employeeId, String productId, Rational hours) {
    public AllocationInput {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(hours, "hours");
    }
}
