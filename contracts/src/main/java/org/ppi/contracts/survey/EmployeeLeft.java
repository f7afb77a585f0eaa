package org.ppi.contracts.survey;

/** An employee left the institution (or went on leave without pay). */
public record EmployeeLeft(String institutionId, String actingUser, String employeeId, java.time.LocalDate effectiveDate, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return employeeId;
    }
}
