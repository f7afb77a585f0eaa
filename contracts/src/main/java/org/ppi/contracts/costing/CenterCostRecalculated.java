package org.ppi.contracts.costing;

/** A center's totals changed: payroll, non-labour inputs, cost allocated to products, unused capacity. */
public record CenterCostRecalculated(String institutionId, String actingUser, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, Amount payroll, Amount nonLabour, Amount allocatedCost, Amount unusedCost, java.math.BigDecimal capacityHours, java.math.BigDecimal allocatedHours, boolean overAllocated, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
