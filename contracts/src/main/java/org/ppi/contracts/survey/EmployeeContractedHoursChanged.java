package org.ppi.contracts.survey;

/** An employee's contracted weekly hours changed. */
public record EmployeeContractedHoursChanged(String institutionId, String actingUser, String employeeId, java.math.BigDecimal contractedHours, java.time.LocalDate effectiveDate) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return employeeId;
    }
}
