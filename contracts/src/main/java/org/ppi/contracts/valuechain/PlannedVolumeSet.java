package org.ppi.contracts.valuechain;

/** The volume of a terminal product a program plans to deliver in a budget year. */
public record PlannedVolumeSet(String institutionId, String actingUser, String programId, String productId, int fiscalYear, java.math.BigDecimal plannedVolume) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
