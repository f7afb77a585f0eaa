package org.ppi.contracts.valuechain;

/** A budget program of the programmatic structure. */
public record ProgramDefined(String institutionId, String actingUser, String programId, String code, String name, String expectedResult) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
