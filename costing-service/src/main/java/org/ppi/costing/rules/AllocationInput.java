package org.ppi.costing.rules;

import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * Weekly hours an employee spends on a product (the seed's "Tiempo"), as recorded by an interview of
 * {@code centerId}. The hours count for the employee's time in that center (a transferred employee's hours of
 * the old center's interview stop at the transfer); with no center, or a center the employee did not work in
 * that year, for all of the employee's time. Several rows for the same pair and center are added together.
 * Both ids must be in the snapshot (the caller drops allocations of employees who left or products retired).
 */
public record AllocationInput(String employeeId, String productId, Rational hours, String centerId) {
    public AllocationInput {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(hours, "hours");
    }

    /** Hours that count for all of the employee's time in the year. */
    public AllocationInput(String employeeId, String productId, Rational hours) {
        this(employeeId, productId, hours, null);
    }
}
