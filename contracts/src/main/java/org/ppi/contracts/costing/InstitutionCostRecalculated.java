package org.ppi.contracts.costing;

/**
 * The institution's reconciliation: full cost of terminals + unattributed intermediates + unused = total cost.
 * provisional: some hours behind it come from an interview not validated yet (null: published before it said).
 * causationEventId is the survey, catalog or value-chain event that caused this recalculation; lineageSize counts the events behind the figure and lineageRef is the API path that pages them (lineage by reference: events published before it carried the whole list as lineage, which consumers now ignore; both are null on them).
 */
public record InstitutionCostRecalculated(String institutionId, String actingUser, org.ppi.contracts.survey.CostingMethod costingMethod, Amount totalCost, Amount terminalFullCost, Amount unattributedIntermediateCost, Amount unusedCost, Amount roundingResidue, boolean reconciled, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef, Boolean provisional) implements org.ppi.contracts.PpiEvent {
    public InstitutionCostRecalculated(String institutionId, String actingUser, org.ppi.contracts.survey.CostingMethod costingMethod, Amount totalCost, Amount terminalFullCost, Amount unattributedIntermediateCost, Amount unusedCost, Amount roundingResidue, boolean reconciled, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef) {
        this(institutionId, actingUser, costingMethod, totalCost, terminalFullCost, unattributedIntermediateCost, unusedCost, roundingResidue, reconciled, effectiveAt, causationEventId, lineageSize, lineageRef, null);
    }

    @Override
    public String aggregateId() {
        return institutionId;
    }
}
