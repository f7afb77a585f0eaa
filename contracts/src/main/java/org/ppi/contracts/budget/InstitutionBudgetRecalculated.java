package org.ppi.contracts.budget;

/** The budget's lines besides programs, and its total. */
public record InstitutionBudgetRecalculated(String institutionId, String actingUser, int fiscalYear, org.ppi.contracts.costing.Amount programs, org.ppi.contracts.costing.Amount centralActions, org.ppi.contracts.costing.Amount unassignedTerminals, org.ppi.contracts.costing.Amount unusedCapacity, org.ppi.contracts.costing.Amount total, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
