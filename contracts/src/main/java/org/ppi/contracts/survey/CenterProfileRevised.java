package org.ppi.contracts.survey;

/** A center's area, function, organization text or manager was revised. */
public record CenterProfileRevised(String institutionId, String actingUser, String centerId, CenterArea area, String function, String organization, String manager) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
