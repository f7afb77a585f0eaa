package org.ppi.contracts.valuechain;

/** An intermediate product feeds the chain's terminal product (or another intermediate of it) with an allocation weight. */
public record IntermediateLinked(String institutionId, String actingUser, String chainId, String intermediateProductId, String feedsProductId, java.math.BigDecimal weight) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return chainId;
    }
}
