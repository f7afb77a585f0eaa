package org.ppi.survey.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.platform.tenancy.ScopedId;

/**
 * Commands of the Interview aggregate: the levantamiento with one center, where time allocations live. A change
 * may carry {@code expectedVersion}, the aggregate version the user's screen was based on (null: no check); a
 * different current version is 409 interview.version-conflict, so two users never overwrite each other unseen.
 */
public final class InterviewCommands {
    private InterviewCommands() {
    }

    public record OpenInterview(String interviewId, String institutionId, String actingUser,
                                String centerId, LocalDate date, String interviewer, List<String> participants) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, interviewId);
        }
    }

    /** Sets (not adds) the weekly hours an employee spends on a product; 0 removes the allocation. */
    public record AllocateTime(String interviewId, String institutionId, String actingUser,
                               String employeeId, String productId, BigDecimal hours, Long expectedVersion) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, interviewId);
        }

        public AllocateTime(String interviewId, String institutionId, String actingUser, String employeeId,
                            String productId, BigDecimal hours) {
            this(interviewId, institutionId, actingUser, employeeId, productId, hours, null);
        }
    }

    /**
     * {@code centers}: the centers whose interviews the caller may validate (a center manager's, from his token);
     * null when he may validate any center of his institution (the institution administrator).
     */
    public record ValidateInterview(String interviewId, String institutionId,
                                    String actingUser, LocalDate validatedOn, Set<String> centers, Long expectedVersion) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, interviewId);
        }

        public ValidateInterview(String interviewId, String institutionId, String actingUser, LocalDate validatedOn,
                                 Set<String> centers) {
            this(interviewId, institutionId, actingUser, validatedOn, centers, null);
        }

        public ValidateInterview(String interviewId, String institutionId, String actingUser, LocalDate validatedOn) {
            this(interviewId, institutionId, actingUser, validatedOn, null);
        }
    }

    /**
     * Sets a whole employees × products matrix of weekly hours in one command, validated as a whole: each cell by
     * the rules of {@link AllocateTime}; one bad cell refuses the sheet ({@link SheetRejected} lists every bad cell)
     * and nothing is written. An open interview gets one TimeAllocated per cell whose hours change, a validated one
     * one AllocationCorrected per changed cell with {@code reason} (required then); unchanged cells write nothing.
     * {@code dryRun}: validate and answer what would change, writing nothing.
     */
    public record RecordInterviewSheet(String interviewId, String institutionId, String actingUser,
                                       InterviewSheet sheet, String reason, Long expectedVersion, boolean dryRun) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, interviewId);
        }
    }

    /** What a sheet changed (or would change, in a dry run): the cells whose hours differ, before → after. */
    public record SheetOutcome(boolean written, int cells, int unchanged, List<CellChange> changes,
                               long versionBefore, long version) {
    }

    public record CellChange(String employeeId, String productId, BigDecimal before, BigDecimal after) {
    }

    public record CorrectAllocation(String interviewId, String institutionId,
                                    String actingUser, String employeeId, String productId, BigDecimal hours,
                                    String reason, Long expectedVersion) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, interviewId);
        }

        public CorrectAllocation(String interviewId, String institutionId, String actingUser, String employeeId,
                                 String productId, BigDecimal hours, String reason) {
            this(interviewId, institutionId, actingUser, employeeId, productId, hours, reason, null);
        }
    }
}
