package org.ppi.contracts.valuechain;

/** A program's recorded share of a product for a budget year was withdrawn: the default rule applies again. */
public record ProgramShareWithdrawn(String institutionId, String actingUser, String programId, String productId, int fiscalYear) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return ProgramShareSet.keyOf(productId, fiscalYear);
    }
}
