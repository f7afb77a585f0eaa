package org.ppi.costing.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ppi.contracts.survey.CostingMethod;

/**
 * An employee's year: capacity cost, cost allocated to products, unused capacity (negative = over-allocated).
 * {@code yearShare}: the part of the fiscal year worked (1 for all of it); {@code contractedHours} the weekly
 * contract averaged over that time; {@code provisional}: some hours come from an interview not validated yet.
 */
public record EmployeeCostView(String employeeId, String employeeName, String position, String centerId,
                               String centerName, CostingMethod method, BigDecimal capacityCost,
                               BigDecimal allocatedCost, BigDecimal unusedCost, BigDecimal contractedHours,
                               BigDecimal allocatedHours, BigDecimal unusedHours, boolean overAllocated,
                               BigDecimal hourPrice, List<ProductShare> products, String causationEventId,
                               Instant effectiveAt, BigDecimal yearShare, boolean provisional) {

    public record ProductShare(String productId, String productName, BigDecimal cost) {
    }
}
