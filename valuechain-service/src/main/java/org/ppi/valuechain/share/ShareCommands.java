package org.ppi.valuechain.share;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.valuechain.ProgramShareSet;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the {@link ProgramShares} aggregate: one per terminal product and fiscal year. */
public final class ShareCommands {
    private ShareCommands() {
    }

    /** The share (0..1) of the product's cost that the program takes in the year, where no planned volume divides it. */
    public record SetProgramShare(String programId, String institutionId, String actingUser, String productId,
                                  Integer fiscalYear, BigDecimal share) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, ProgramShareSet.keyOf(productId, fiscalYear == null ? 0 : fiscalYear));
        }
    }

    public record WithdrawProgramShare(String programId, String institutionId, String actingUser, String productId,
                                       Integer fiscalYear) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, ProgramShareSet.keyOf(productId, fiscalYear == null ? 0 : fiscalYear));
        }
    }
}
