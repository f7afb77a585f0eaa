package org.ppi.valuechain.chain;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the ValueChain aggregate. */
public final class ChainCommands {
    private ChainCommands() {
    }

    public record DefineValueChain(@TargetAggregateIdentifier String chainId, String institutionId, String actingUser,
                                   String name, String resultId, String terminalProductId) {
    }

    /** feedsProductId null = the chain's terminal product; weight null = 1. */
    public record LinkIntermediate(@TargetAggregateIdentifier String chainId, String institutionId, String actingUser,
                                   String intermediateProductId, String feedsProductId, BigDecimal weight) {
    }

    /** feedsProductId null = the chain's terminal product. */
    public record UnlinkIntermediate(@TargetAggregateIdentifier String chainId, String institutionId, String actingUser,
                                     String intermediateProductId, String feedsProductId) {
    }

    public record RetireValueChain(@TargetAggregateIdentifier String chainId, String institutionId, String actingUser,
                                   String reason) {
    }
}
