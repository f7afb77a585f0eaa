package org.ppi.contracts.survey;

/** A production center was registered. */
public record CenterRegistered(String institutionId, String actingUser, String centerId, String name, String scopeId, CenterArea area, String function, String organization, String manager, String parentCenterId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
