package org.ppi.contracts.survey;

/** An interview (levantamiento) with a center was opened. */
public record InterviewOpened(String institutionId, String actingUser, String interviewId, String centerId, java.time.LocalDate date, String interviewer, java.util.List<String> participants) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return interviewId;
    }
}
