package org.ppi.valuechain.program;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the Program aggregate (estructura programática). */
public final class ProgramCommands {
    private ProgramCommands() {
    }

    public record DefineProgram(String programId, String institutionId, String actingUser,
                                String code, String name, String expectedResult) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, programId);
        }
    }

    public record ReviseProgram(String programId, String institutionId, String actingUser,
                                String code, String name, String expectedResult) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, programId);
        }
    }

    /** productId is optional: an activity may be recorded before its product is in the catalog. */
    public record DefineActivity(String programId, String institutionId, String actingUser,
                                 String activityId, String name, ActivityKind kind, String productId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, programId);
        }
    }

    public record AssignChain(String programId, String institutionId, String actingUser,
                              String chainId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, programId);
        }
    }

    public record UnassignChain(String programId, String institutionId, String actingUser,
                                String chainId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, programId);
        }
    }

    public record SetPlannedVolume(String programId, String institutionId, String actingUser,
                                   String productId, Integer fiscalYear, BigDecimal plannedVolume) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, programId);
        }
    }
}
