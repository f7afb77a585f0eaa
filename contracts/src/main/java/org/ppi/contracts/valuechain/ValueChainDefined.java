package org.ppi.contracts.valuechain;

/** A public value chain: impact ← result ← terminal product. */
public record ValueChainDefined(String institutionId, String actingUser, String chainId, String name, String resultId, String terminalProductId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return chainId;
    }
}
