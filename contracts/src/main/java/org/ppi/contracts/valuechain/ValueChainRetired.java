package org.ppi.contracts.valuechain;

/** A value chain is no longer part of the plan. */
public record ValueChainRetired(String institutionId, String actingUser, String chainId, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return chainId;
    }
}
