package org.ppi.costing.figures;

import java.math.BigDecimal;
import java.time.Instant;

import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CostingMethod;

/**
 * A center's year: payroll, non-labour inputs, what its staff's time cost on each product, what its products
 * absorbed and its unused capacity. {@code employees} counts the people who worked there in the fiscal year,
 * {@code staffYears} the time they did (1 per whole year); {@code exact*} keep the fractions, so that sums of
 * centers (the summary's areas) are rounded once.
 */
public record CenterCostView(String centerId, String centerName, CenterArea area, CostingMethod method,
                             int employees, BigDecimal payroll, BigDecimal nonLabour, BigDecimal totalCost,
                             BigDecimal allocatedCost, BigDecimal unusedCost, BigDecimal capacityHours,
                             BigDecimal allocatedHours, boolean overAllocated,
                             java.util.List<EmployeeCostView.ProductShare> labourByProduct, String causationEventId,
                             Instant effectiveAt, BigDecimal staffYears, boolean provisional, String exactPayroll,
                             String exactTotalCost, String exactUnusedCost) {
}
