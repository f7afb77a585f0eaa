package org.ppi.contracts.costing;

/** The institution's reconciliation: full cost of terminals + unattributed intermediates + unused = total cost. */
public record InstitutionCostRecalculated(String institutionId, String actingUser, org.ppi.contracts.survey.CostingMethod costingMethod, Amount totalCost, Amount terminalFullCost, Amount unattributedIntermediateCost, Amount unusedCost, Amount roundingResidue, boolean reconciled, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
