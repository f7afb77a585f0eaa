package org.ppi.contracts.valuechain;

/** A program delivers the terminal product of this chain. */
public record ChainAssignedToProgram(String institutionId, String actingUser, String programId, String chainId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
