package org.ppi.contracts.budget;

/** The budget's lines besides programs, and its total. causationEventId is the event budget consumed that caused it; lineageSize counts the budget's own events behind the figure and lineageRef is the API path that pages them with the costing figures they rest on (events published before carried the whole list as lineage; both null on them). */
public record InstitutionBudgetRecalculated(String institutionId, String actingUser, int fiscalYear, org.ppi.contracts.costing.Amount programs, org.ppi.contracts.costing.Amount centralActions, org.ppi.contracts.costing.Amount unassignedTerminals, org.ppi.contracts.costing.Amount unusedCapacity, org.ppi.contracts.costing.Amount total, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
