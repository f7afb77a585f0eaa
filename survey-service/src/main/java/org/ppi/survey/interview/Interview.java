package org.ppi.survey.interview;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Numbers;
import org.ppi.survey.directory.SurveyDirectory;
import org.ppi.survey.directory.SurveyDirectory.EmployeeFacts;
import org.ppi.survey.interview.InterviewCommands.AllocateTime;
import org.ppi.survey.interview.InterviewCommands.CorrectAllocation;
import org.ppi.survey.interview.InterviewCommands.OpenInterview;
import org.ppi.survey.interview.InterviewCommands.ValidateInterview;

/**
 * An interview with a center's manager. While open it records allocations; once validated it is the
 * institutional record and changes only through corrections that state a reason.
 */
@Aggregate
public class Interview {
    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String interviewId;
    private String institutionId;
    private String centerId;
    private boolean validated;
    private final Map<String, BigDecimal> hoursByEmployeeAndProduct = new HashMap<>();

    protected Interview() {
    }

    @CommandHandler
    public Interview(OpenInterview cmd, SurveyDirectory directory) {
        var center = directory.center(cmd.institutionId(), cmd.centerId())
                .orElseThrow(() -> DomainRejection.unprocessable("center.not-found", "centerId", cmd.centerId()));
        if (center.closed()) {
            throw DomainRejection.unprocessable("center.closed", "centerId", cmd.centerId());
        }
        apply(new InterviewOpened(cmd.institutionId(), cmd.actingUser(), cmd.interviewId(), cmd.centerId(),
                cmd.date() == null ? LocalDate.now() : cmd.date(), cmd.interviewer(),
                cmd.participants() == null ? List.of() : List.copyOf(cmd.participants())));
    }

    @CommandHandler
    public void handle(AllocateTime cmd, SurveyDirectory directory) {
        requireSameInstitution(cmd.institutionId());
        requireVersion(cmd.expectedVersion());
        if (validated) {
            throw DomainRejection.conflict("interview.validated", "interviewId", interviewId);
        }
        checkAllocation(cmd.employeeId(), cmd.productId(), cmd.hours(), directory);
        BigDecimal previous = hoursByEmployeeAndProduct.getOrDefault(key(cmd.employeeId(), cmd.productId()), BigDecimal.ZERO);
        if (previous.compareTo(cmd.hours()) != 0) {
            apply(new TimeAllocated(institutionId, cmd.actingUser(), interviewId, centerId, cmd.employeeId(),
                    cmd.productId(), cmd.hours()));
        }
    }

    @CommandHandler
    public void handle(ValidateInterview cmd) {
        requireSameInstitution(cmd.institutionId());
        requireVersion(cmd.expectedVersion());
        if (cmd.centers() != null && !cmd.centers().contains(centerId)) {
            // A center manager validates the interviews of his own centers only.
            throw new DomainRejection(403, "auth.forbidden", null);
        }
        if (validated) {
            throw DomainRejection.conflict("interview.validated", "interviewId", interviewId);
        }
        apply(new InterviewValidated(institutionId, cmd.actingUser(), interviewId, centerId,
                cmd.validatedOn() == null ? LocalDate.now() : cmd.validatedOn()));
    }

    @CommandHandler
    public void handle(CorrectAllocation cmd, SurveyDirectory directory) {
        requireSameInstitution(cmd.institutionId());
        requireVersion(cmd.expectedVersion());
        if (!validated) {
            throw DomainRejection.conflict("interview.not-validated", "interviewId", interviewId);
        }
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw DomainRejection.badRequest("allocation.reason-required", "reason");
        }
        checkAllocation(cmd.employeeId(), cmd.productId(), cmd.hours(), directory);
        apply(new AllocationCorrected(institutionId, cmd.actingUser(), interviewId, centerId, cmd.employeeId(),
                cmd.productId(), cmd.hours(), cmd.reason().trim()));
    }

    private void checkAllocation(String employeeId, String productId, BigDecimal hours, SurveyDirectory directory) {
        if (hours == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "hours", "hours");
        }
        if (hours.signum() < 0) {
            throw DomainRejection.badRequest("allocation.hours-negative", "hours", hours.toPlainString());
        }
        Numbers.hours(hours, "hours");
        EmployeeFacts employee = directory.employee(institutionId, employeeId)
                .orElseThrow(() -> DomainRejection.unprocessable("employee.not-found", "employeeId", employeeId));
        if (!employee.active()) {
            throw DomainRejection.unprocessable("employee.left", "employeeId", employeeId);
        }
        if (!employee.centerId().equals(centerId)) {
            throw DomainRejection.unprocessable("allocation.employee-other-center", "employeeId", employeeId, centerId);
        }
        if (hours.compareTo(employee.contractedHours()) > 0) {
            throw DomainRejection.unprocessable("allocation.hours-above-contract", "hours", hours.toPlainString(),
                    employee.contractedHours().toPlainString());
        }
        if (directory.product(institutionId, productId).filter(SurveyDirectory.ProductFacts::active).isEmpty()) {
            throw DomainRejection.unprocessable("allocation.product-unknown", "productId", productId);
        }
    }

    /**
     * Optimistic concurrency: the version (sequence number of the last event) the caller's change was based on
     * must still be the current one. The command runs with the aggregate locked, so of two users who read
     * version 3, the first one's change makes it 4 and the second one gets 409 with the current version.
     */
    private void requireVersion(Long expected) {
        Long current = AggregateLifecycle.getVersion();
        long now = current == null ? 0 : current;
        if (expected != null && expected != now) {
            throw DomainRejection.conflict("interview.version-conflict", "expectedVersion", interviewId, expected, now);
        }
    }

    /** Another institution's interview answers exactly like a missing one. */
    private void requireSameInstitution(String requester) {
        if (institutionId == null || !institutionId.equals(requester)) {
            throw DomainRejection.notFound("interview.not-found", "interviewId", interviewId);
        }
    }

    private static String key(String employeeId, String productId) {
        return employeeId + '|' + productId;
    }

    @EventSourcingHandler
    void on(InterviewOpened e) {
        aggregateId = ScopedId.of(e.institutionId(), e.interviewId());
        interviewId = e.interviewId();
        institutionId = e.institutionId();
        centerId = e.centerId();
    }

    @EventSourcingHandler
    void on(TimeAllocated e) {
        hoursByEmployeeAndProduct.put(key(e.employeeId(), e.productId()), e.hours());
    }

    @EventSourcingHandler
    void on(AllocationCorrected e) {
        hoursByEmployeeAndProduct.put(key(e.employeeId(), e.productId()), e.hours());
    }

    @EventSourcingHandler
    void on(InterviewValidated e) {
        validated = true;
    }
}
