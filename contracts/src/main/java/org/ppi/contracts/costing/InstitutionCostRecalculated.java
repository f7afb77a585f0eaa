package org.ppi.contracts.costing;

/**
 * The institution's reconciliation: full cost of terminals + unattributed intermediates + unused = total cost.
 * provisional: some hours behind it come from an interview not validated yet (null: published before it said).
 */
public record InstitutionCostRecalculated(String institutionId, String actingUser, org.ppi.contracts.survey.CostingMethod costingMethod, Amount totalCost, Amount terminalFullCost, Amount unattributedIntermediateCost, Amount unusedCost, Amount roundingResidue, boolean reconciled, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage, Boolean provisional) implements org.ppi.contracts.PpiEvent {
    public InstitutionCostRecalculated(String institutionId, String actingUser, org.ppi.contracts.survey.CostingMethod costingMethod, Amount totalCost, Amount terminalFullCost, Amount unattributedIntermediateCost, Amount unusedCost, Amount roundingResidue, boolean reconciled, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) {
        this(institutionId, actingUser, costingMethod, totalCost, terminalFullCost, unattributedIntermediateCost, unusedCost, roundingResidue, reconciled, effectiveAt, causationEventId, lineage, null);
    }

    @Override
    public String aggregateId() {
        return institutionId;
    }
}
