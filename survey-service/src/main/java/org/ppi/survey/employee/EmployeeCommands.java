package org.ppi.survey.employee;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Employee aggregate. */
public final class EmployeeCommands {
    private EmployeeCommands() {
    }

    public record RegisterEmployee(@TargetAggregateIdentifier String employeeId, String institutionId,
                                   String actingUser, String centerId, String name, String position,
                                   BigDecimal annualCost, BigDecimal contractedHours, LocalDate effectiveFrom) {
    }
}
