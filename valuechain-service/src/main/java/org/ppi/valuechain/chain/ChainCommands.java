package org.ppi.valuechain.chain;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the ValueChain aggregate. */
public final class ChainCommands {
    private ChainCommands() {
    }

    public record DefineValueChain(String chainId, String institutionId, String actingUser,
                                   String name, String resultId, String terminalProductId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, chainId);
        }
    }

    /** feedsProductId null = the chain's terminal product; weight null = 1. */
    public record LinkIntermediate(String chainId, String institutionId, String actingUser,
                                   String intermediateProductId, String feedsProductId, BigDecimal weight) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, chainId);
        }
    }

    /** feedsProductId null = the chain's terminal product. */
    public record UnlinkIntermediate(String chainId, String institutionId, String actingUser,
                                     String intermediateProductId, String feedsProductId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, chainId);
        }
    }

    /** Sent by {@link CycleGuard} only, never from a request. */
    public record CutCycleLink(String chainId, String institutionId, String actingUser,
                               String intermediateProductId, String feedsProductId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, chainId);
        }
    }

    public record RetireValueChain(String chainId, String institutionId, String actingUser,
                                   String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, chainId);
        }
    }
}
