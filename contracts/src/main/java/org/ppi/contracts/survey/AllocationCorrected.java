package org.ppi.contracts.survey;

/** A validated interview's allocation was corrected, with a reason; the old value stays in history. */
public record AllocationCorrected(String institutionId, String actingUser, String interviewId, String centerId, String employeeId, String productId, java.math.BigDecimal hours, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return interviewId;
    }
}
