package org.ppi.contracts.valuechain;

/** An APNOP line no longer belongs to the budget. */
public record ApnopLineRemoved(String institutionId, String actingUser, String lineId, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return lineId;
    }
}
