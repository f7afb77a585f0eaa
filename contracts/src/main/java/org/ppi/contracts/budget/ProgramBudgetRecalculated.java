package org.ppi.contracts.budget;

/** A program's budget changed: full costs of its terminal products, scaled by planned volumes when given. causationEventId is the event budget consumed that caused it; lineageSize counts the budget's own events behind the figure and lineageRef is the API path that pages them with the costing figures they rest on (events published before carried the whole list as lineage; both null on them). */
public record ProgramBudgetRecalculated(String institutionId, String actingUser, String programId, int fiscalYear, org.ppi.contracts.costing.Amount budget, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
