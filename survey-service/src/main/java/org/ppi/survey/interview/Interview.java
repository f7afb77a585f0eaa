package org.ppi.survey.interview;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.ppi.survey.interview.InterviewCommands.CellChange;
import org.ppi.survey.interview.InterviewCommands.CorrectAllocation;
import org.ppi.survey.interview.InterviewCommands.RecordInterviewSheet;
import org.ppi.survey.interview.InterviewCommands.SheetOutcome;
import org.ppi.survey.interview.InterviewSheet.SheetCell;
import org.ppi.survey.interview.SheetRejected.CellProblem;
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

    @CommandHandler
    public SheetOutcome handle(RecordInterviewSheet cmd, SurveyDirectory directory) {
        requireSameInstitution(cmd.institutionId());
        requireVersion(cmd.expectedVersion());
        Lookups lookups = new Lookups(directory);
        List<CellProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SheetCell> cells = cmd.sheet().cells();
        for (int i = 0; i < cells.size(); i++) {
            SheetCell cell = cells.get(i);
            DomainRejection problem = seen.add(key(cell.employeeId(), cell.productId()))
                    ? allocationProblem(cell.employeeId(), cell.productId(), cell.hours(), lookups)
                    : DomainRejection.badRequest("interview.sheet-duplicate-cell", "cells[" + i + "]",
                            cell.employeeId(), cell.productId());
            if (problem != null) {
                problems.add(new CellProblem(i, cell.employeeId(), cell.productId(), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new SheetRejected(problems);
        }
        List<CellChange> changes = new ArrayList<>();
        for (SheetCell cell : cells) {
            BigDecimal before = hoursByEmployeeAndProduct.getOrDefault(key(cell.employeeId(), cell.productId()),
                    BigDecimal.ZERO);
            if (before.compareTo(cell.hours()) != 0) {
                changes.add(new CellChange(cell.employeeId(), cell.productId(), before, cell.hours()));
            }
        }
        long versionBefore = currentVersion();
        boolean write = !cmd.dryRun() && !changes.isEmpty();
        if (write && validated && (cmd.reason() == null || cmd.reason().isBlank())) {
            throw DomainRejection.badRequest("allocation.reason-required", "reason");
        }
        if (write) {
            for (CellChange change : changes) {
                apply(validated
                        ? new AllocationCorrected(institutionId, cmd.actingUser(), interviewId, centerId,
                                change.employeeId(), change.productId(), change.after(), cmd.reason().trim())
                        : new TimeAllocated(institutionId, cmd.actingUser(), interviewId, centerId, change.employeeId(),
                                change.productId(), change.after()));
            }
        }
        return new SheetOutcome(write, cells.size(), cells.size() - changes.size(), List.copyOf(changes),
                versionBefore, write ? versionBefore + changes.size() : versionBefore);
    }

    private void checkAllocation(String employeeId, String productId, BigDecimal hours, SurveyDirectory directory) {
        DomainRejection problem = allocationProblem(employeeId, productId, hours, new Lookups(directory));
        if (problem != null) {
            throw problem;
        }
    }

    /** Why an allocation of these hours is refused, or null: the one rule of a single allocation and a sheet's cell. */
    private DomainRejection allocationProblem(String employeeId, String productId, BigDecimal hours, Lookups lookups) {
        if (employeeId == null || employeeId.isBlank()) {
            return DomainRejection.badRequest("request.missing-parameter", "employeeId", "employeeId");
        }
        if (productId == null || productId.isBlank()) {
            return DomainRejection.badRequest("request.missing-parameter", "productId", "productId");
        }
        if (hours == null) {
            return DomainRejection.badRequest("request.missing-parameter", "hours", "hours");
        }
        if (hours.signum() < 0) {
            return DomainRejection.badRequest("allocation.hours-negative", "hours", hours.toPlainString());
        }
        try {
            Numbers.hours(hours, "hours");
        } catch (DomainRejection outOfRange) {
            return outOfRange;
        }
        EmployeeFacts employee = lookups.employee(institutionId, employeeId).orElse(null);
        if (employee == null) {
            return DomainRejection.unprocessable("employee.not-found", "employeeId", employeeId);
        }
        if (!employee.active()) {
            return DomainRejection.unprocessable("employee.left", "employeeId", employeeId);
        }
        if (!employee.centerId().equals(centerId)) {
            return DomainRejection.unprocessable("allocation.employee-other-center", "employeeId", employeeId, centerId);
        }
        if (hours.compareTo(employee.contractedHours()) > 0) {
            return DomainRejection.unprocessable("allocation.hours-above-contract", "hours", hours.toPlainString(),
                    employee.contractedHours().toPlainString());
        }
        if (lookups.product(institutionId, productId).filter(SurveyDirectory.ProductFacts::active).isEmpty()) {
            return DomainRejection.unprocessable("allocation.product-unknown", "productId", productId);
        }
        return null;
    }

    /** The directory, each employee and product looked up once per command (a sheet names each many times). */
    private static final class Lookups {
        private final SurveyDirectory directory;
        private final Map<String, Optional<EmployeeFacts>> employees = new HashMap<>();
        private final Map<String, Optional<SurveyDirectory.ProductFacts>> products = new HashMap<>();

        Lookups(SurveyDirectory directory) {
            this.directory = directory;
        }

        Optional<EmployeeFacts> employee(String institutionId, String employeeId) {
            return employees.computeIfAbsent(String.valueOf(employeeId), id -> directory.employee(institutionId, employeeId));
        }

        Optional<SurveyDirectory.ProductFacts> product(String institutionId, String productId) {
            return products.computeIfAbsent(String.valueOf(productId), id -> directory.product(institutionId, productId));
        }
    }

    /**
     * Optimistic concurrency: the version (sequence number of the last event) the caller's change was based on
     * must still be the current one. The command runs with the aggregate locked, so of two users who read
     * version 3, the first one's change makes it 4 and the second one gets 409 with the current version.
     */
    private void requireVersion(Long expected) {
        long now = currentVersion();
        if (expected != null && expected != now) {
            throw DomainRejection.conflict("interview.version-conflict", "expectedVersion", interviewId, expected, now);
        }
    }

    private static long currentVersion() {
        Long current = AggregateLifecycle.getVersion();
        return current == null ? 0 : current;
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
