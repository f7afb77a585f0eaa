package org.ppi.contracts.valuechain;

/** A link of a chain was removed. */
public record IntermediateUnlinked(String institutionId, String actingUser, String chainId, String intermediateProductId, String feedsProductId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return chainId;
    }
}
