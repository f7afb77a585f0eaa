package org.ppi.contracts.valuechain;

/** A program no longer delivers this chain. */
public record ChainUnassignedFromProgram(String institutionId, String actingUser, String programId, String chainId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
