package org.ppi.contracts.survey;

/** A center stopped producing; its history stays. */
public record CenterClosed(String institutionId, String actingUser, String centerId, java.time.LocalDate effectiveDate, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
