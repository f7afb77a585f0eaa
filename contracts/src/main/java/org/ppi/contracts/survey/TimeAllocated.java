package org.ppi.contracts.survey;

/** While an interview is open: the weekly hours an employee spends on a product (0 removes the allocation). */
public record TimeAllocated(String institutionId, String actingUser, String interviewId, String centerId, String employeeId, String productId, java.math.BigDecimal hours) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return interviewId;
    }
}
