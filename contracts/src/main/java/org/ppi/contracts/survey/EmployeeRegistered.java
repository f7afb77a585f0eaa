package org.ppi.contracts.survey;

/** An employee joined a center: annual cost = payroll plus employer contributions. */
public record EmployeeRegistered(String institutionId, String actingUser, String employeeId, String centerId, String name, String position, java.math.BigDecimal annualCost, java.math.BigDecimal contractedHours, java.time.LocalDate effectiveFrom) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return employeeId;
    }
}
