package org.ppi.survey.employee;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Employee aggregate. */
public final class EmployeeCommands {
    private EmployeeCommands() {
    }

    /** Contracted hours null = the institution's standard weekly hours. */
    public record RegisterEmployee(@TargetAggregateIdentifier String employeeId, String institutionId,
                                   String actingUser, String centerId, String name, String position,
                                   BigDecimal annualCost, BigDecimal contractedHours, LocalDate effectiveFrom) {
    }

    /** Effective date null = today. */
    public record TransferEmployee(@TargetAggregateIdentifier String employeeId, String institutionId,
                                   String actingUser, String toCenterId, LocalDate effectiveDate) {
    }

    public record ChangeSalary(@TargetAggregateIdentifier String employeeId, String institutionId, String actingUser,
                               BigDecimal annualCost, LocalDate effectiveDate, String reason) {
    }

    /** Effective date null = today. */
    public record ChangeContractedHours(@TargetAggregateIdentifier String employeeId, String institutionId,
                                        String actingUser, BigDecimal contractedHours, LocalDate effectiveDate) {
    }

    public record RecordDeparture(@TargetAggregateIdentifier String employeeId, String institutionId,
                                  String actingUser, LocalDate effectiveDate, String reason) {
    }
}
