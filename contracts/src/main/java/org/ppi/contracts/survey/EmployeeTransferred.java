package org.ppi.contracts.survey;

/** An employee moved to another center. */
public record EmployeeTransferred(String institutionId, String actingUser, String employeeId, String fromCenterId, String toCenterId, java.time.LocalDate effectiveDate) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return employeeId;
    }
}
