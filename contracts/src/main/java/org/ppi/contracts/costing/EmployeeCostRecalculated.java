package org.ppi.contracts.costing;

/** An employee's cost split changed: allocated vs unused capacity (negative = over-allocation). lineageSize counts the events behind the figure and lineageRef is the API path that pages them (lineage by reference: events published before it carried the whole list as lineage, which consumers now ignore; both are null on them). */
public record EmployeeCostRecalculated(String institutionId, String actingUser, String employeeId, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, Amount capacityCost, Amount allocatedCost, Amount unusedCost, java.math.BigDecimal contractedHours, java.math.BigDecimal allocatedHours, boolean overAllocated, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return employeeId;
    }
}
