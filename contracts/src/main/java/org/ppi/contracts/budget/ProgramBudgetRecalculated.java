package org.ppi.contracts.budget;

/** A program's budget changed: full costs of its terminal products, scaled by planned volumes when given. */
public record ProgramBudgetRecalculated(String institutionId, String actingUser, String programId, int fiscalYear, org.ppi.contracts.costing.Amount budget, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
