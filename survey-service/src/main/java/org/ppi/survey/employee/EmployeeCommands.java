package org.ppi.survey.employee;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the Employee aggregate. */
public final class EmployeeCommands {
    private EmployeeCommands() {
    }

    /** Contracted hours null = the institution's standard weekly hours. */
    public record RegisterEmployee(String employeeId, String institutionId,
                                   String actingUser, String centerId, String name, String position,
                                   BigDecimal annualCost, BigDecimal contractedHours, LocalDate effectiveFrom) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, employeeId);
        }
    }

    /** Effective date null = today. */
    public record TransferEmployee(String employeeId, String institutionId,
                                   String actingUser, String toCenterId, LocalDate effectiveDate) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, employeeId);
        }
    }

    public record ChangeSalary(String employeeId, String institutionId, String actingUser,
                               BigDecimal annualCost, LocalDate effectiveDate, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, employeeId);
        }
    }

    /** Effective date null = today. */
    public record ChangeContractedHours(String employeeId, String institutionId,
                                        String actingUser, BigDecimal contractedHours, LocalDate effectiveDate) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, employeeId);
        }
    }

    public record RecordDeparture(String employeeId, String institutionId,
                                  String actingUser, LocalDate effectiveDate, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, employeeId);
        }
    }
}
