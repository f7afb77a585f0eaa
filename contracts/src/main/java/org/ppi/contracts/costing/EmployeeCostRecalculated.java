package org.ppi.contracts.costing;

/** An employee's cost split changed: allocated vs unused capacity (negative = over-allocation). */
public record EmployeeCostRecalculated(String institutionId, String actingUser, String employeeId, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, Amount capacityCost, Amount allocatedCost, Amount unusedCost, java.math.BigDecimal contractedHours, java.math.BigDecimal allocatedHours, boolean overAllocated, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return employeeId;
    }
}
