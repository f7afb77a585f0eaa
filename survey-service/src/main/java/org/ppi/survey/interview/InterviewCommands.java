package org.ppi.survey.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Interview aggregate: the levantamiento with one center, where time allocations live. */
public final class InterviewCommands {
    private InterviewCommands() {
    }

    public record OpenInterview(@TargetAggregateIdentifier String interviewId, String institutionId, String actingUser,
                                String centerId, LocalDate date, String interviewer, List<String> participants) {
    }

    /** Sets (not adds) the weekly hours an employee spends on a product; 0 removes the allocation. */
    public record AllocateTime(@TargetAggregateIdentifier String interviewId, String institutionId, String actingUser,
                               String employeeId, String productId, BigDecimal hours) {
    }

    /**
     * {@code centers}: the centers whose interviews the caller may validate (a center manager's, from his token);
     * null when he may validate any center of his institution (the institution administrator).
     */
    public record ValidateInterview(@TargetAggregateIdentifier String interviewId, String institutionId,
                                    String actingUser, LocalDate validatedOn, Set<String> centers) {
        public ValidateInterview(String interviewId, String institutionId, String actingUser, LocalDate validatedOn) {
            this(interviewId, institutionId, actingUser, validatedOn, null);
        }
    }

    public record CorrectAllocation(@TargetAggregateIdentifier String interviewId, String institutionId,
                                    String actingUser, String employeeId, String productId, BigDecimal hours,
                                    String reason) {
    }
}
