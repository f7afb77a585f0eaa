package org.ppi.contracts.costing;

/** A center's totals changed: payroll, non-labour inputs, cost allocated to products, unused capacity. lineageSize counts the events behind the figure and lineageRef is the API path that pages them (lineage by reference: events published before it carried the whole list as lineage, which consumers now ignore; both are null on them). */
public record CenterCostRecalculated(String institutionId, String actingUser, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, Amount payroll, Amount nonLabour, Amount allocatedCost, Amount unusedCost, java.math.BigDecimal capacityHours, java.math.BigDecimal allocatedHours, boolean overAllocated, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
