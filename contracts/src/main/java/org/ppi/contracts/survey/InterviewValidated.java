package org.ppi.contracts.survey;

/** The interview was validated: it is now the institutional record. */
public record InterviewValidated(String institutionId, String actingUser, String interviewId, String centerId, java.time.LocalDate validatedOn) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return interviewId;
    }
}
