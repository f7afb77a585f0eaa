package org.ppi.contracts.survey;

/** The center's yearly goods, services and depreciation (non-labour inputs). */
public record CenterNonLabourCostRecorded(String institutionId, String actingUser, String centerId, java.math.BigDecimal amount, String note) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
