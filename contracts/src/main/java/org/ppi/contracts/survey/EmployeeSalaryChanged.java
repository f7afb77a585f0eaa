package org.ppi.contracts.survey;

/** An employee's annual cost changed from an effective date. */
public record EmployeeSalaryChanged(String institutionId, String actingUser, String employeeId, java.math.BigDecimal annualCost, java.time.LocalDate effectiveDate, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return employeeId;
    }
}
