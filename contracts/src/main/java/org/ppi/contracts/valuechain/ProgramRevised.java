package org.ppi.contracts.valuechain;

/** A program's code, name or expected result was revised. */
public record ProgramRevised(String institutionId, String actingUser, String programId, String code, String name, String expectedResult) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
