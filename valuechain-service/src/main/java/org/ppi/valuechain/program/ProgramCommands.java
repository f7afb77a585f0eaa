package org.ppi.valuechain.program;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.valuechain.ActivityKind;

/** Commands of the Program aggregate (estructura programática). */
public final class ProgramCommands {
    private ProgramCommands() {
    }

    public record DefineProgram(@TargetAggregateIdentifier String programId, String institutionId, String actingUser,
                                String code, String name, String expectedResult) {
    }

    public record ReviseProgram(@TargetAggregateIdentifier String programId, String institutionId, String actingUser,
                                String code, String name, String expectedResult) {
    }

    /** productId is optional: an activity may be recorded before its product is in the catalog. */
    public record DefineActivity(@TargetAggregateIdentifier String programId, String institutionId, String actingUser,
                                 String activityId, String name, ActivityKind kind, String productId) {
    }

    public record AssignChain(@TargetAggregateIdentifier String programId, String institutionId, String actingUser,
                              String chainId) {
    }

    public record UnassignChain(@TargetAggregateIdentifier String programId, String institutionId, String actingUser,
                                String chainId) {
    }

    public record SetPlannedVolume(@TargetAggregateIdentifier String programId, String institutionId, String actingUser,
                                   String productId, Integer fiscalYear, BigDecimal plannedVolume) {
    }
}
