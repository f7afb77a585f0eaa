package org.ppi.survey.center;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterMoved;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterProfileRevised;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Numbers;
import org.ppi.survey.center.CenterCommands.CloseCenter;
import org.ppi.survey.center.CenterCommands.MoveCenter;
import org.ppi.survey.center.CenterCommands.RecordNonLabourCost;
import org.ppi.survey.center.CenterCommands.RegisterCenter;
import org.ppi.survey.center.CenterCommands.RenameCenter;
import org.ppi.survey.center.CenterCommands.ReviseCenterProfile;
import org.ppi.survey.directory.SurveyDirectory;
import org.ppi.survey.directory.SurveyDirectory.CenterFacts;

/** An organizational unit that produces products (centro de producción). */
@Aggregate
public class ProductionCenter {
    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String centerId;
    private String institutionId;
    private String name;
    private String scopeId;
    private String parentCenterId;
    private CenterArea area;
    private String function;
    private String organization;
    private String manager;
    private BigDecimal nonLabourCost;
    private String nonLabourNote;
    private boolean closed;

    protected ProductionCenter() {
    }

    @CommandHandler
    public ProductionCenter(RegisterCenter cmd, SurveyDirectory directory) {
        if (!directory.institutionExists(cmd.institutionId())) {
            throw DomainRejection.notFound("institution.not-found", "institutionId", cmd.institutionId());
        }
        requireName(cmd.name());
        if (cmd.area() == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "area", "area");
        }
        checkScope(cmd.institutionId(), cmd.scopeId(), directory);
        if (cmd.parentCenterId() != null) {
            checkParent(cmd.institutionId(), cmd.parentCenterId(), directory);
        }
        apply(new CenterRegistered(cmd.institutionId(), cmd.actingUser(), cmd.centerId(), cmd.name(), cmd.scopeId(),
                cmd.area(), cmd.function(), cmd.organization(), cmd.manager(), cmd.parentCenterId()));
    }

    @CommandHandler
    public void handle(RenameCenter cmd) {
        requireOpenOwnCenter(cmd.institutionId());
        requireName(cmd.name());
        if (!cmd.name().equals(name)) {
            apply(new CenterRenamed(institutionId, cmd.actingUser(), centerId, cmd.name()));
        }
    }

    @CommandHandler
    public void handle(ReviseCenterProfile cmd) {
        requireOpenOwnCenter(cmd.institutionId());
        if (cmd.area() == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "area", "area");
        }
        boolean unchanged = cmd.area() == area && Objects.equals(cmd.function(), function)
                && Objects.equals(cmd.organization(), organization) && Objects.equals(cmd.manager(), manager);
        if (!unchanged) {
            apply(new CenterProfileRevised(institutionId, cmd.actingUser(), centerId, cmd.area(), cmd.function(),
                    cmd.organization(), cmd.manager()));
        }
    }

    @CommandHandler
    public void handle(MoveCenter cmd, SurveyDirectory directory) {
        requireOpenOwnCenter(cmd.institutionId());
        checkScope(institutionId, cmd.scopeId(), directory);
        if (cmd.parentCenterId() != null) {
            if (cmd.parentCenterId().equals(centerId)) {
                throw DomainRejection.unprocessable("center.parent-self", "parentCenterId", centerId);
            }
            checkParent(institutionId, cmd.parentCenterId(), directory);
            requireNoCycle(cmd.parentCenterId(), directory);
        }
        if (!Objects.equals(cmd.scopeId(), scopeId) || !Objects.equals(cmd.parentCenterId(), parentCenterId)) {
            apply(new CenterMoved(institutionId, cmd.actingUser(), centerId, cmd.scopeId(), cmd.parentCenterId()));
        }
    }

    /**
     * A center closes once nothing is left in it: its employees transferred or departed and its products moved,
     * retired or merged first, so that no cost is left behind in a center that no longer exists.
     */
    @CommandHandler
    public void handle(CloseCenter cmd, SurveyDirectory directory) {
        requireOpenOwnCenter(cmd.institutionId());
        if (cmd.effectiveDate() == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "effectiveDate", "effectiveDate");
        }
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw DomainRejection.badRequest("center.closure-reason-required", "reason");
        }
        java.util.List<String> staff = directory.activeEmployeesOf(institutionId, centerId);
        if (!staff.isEmpty()) {
            throw DomainRejection.conflict("center.has-employees", "centerId", centerId, staff.size(), preview(staff));
        }
        java.util.List<String> products = directory.activeProductsOf(institutionId, centerId);
        if (!products.isEmpty()) {
            throw DomainRejection.conflict("center.has-products", "centerId", centerId, products.size(), preview(products));
        }
        apply(new CenterClosed(institutionId, cmd.actingUser(), centerId, cmd.effectiveDate(), cmd.reason().trim()));
    }

    private static String preview(java.util.List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "");
    }

    /** Also for a closed center: its goods and services of the year it closed still cost. */
    @CommandHandler
    public void handle(RecordNonLabourCost cmd) {
        requireOwnCenter(cmd.institutionId());
        if (cmd.amount() == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "amount", "amount");
        }
        Numbers.money(cmd.amount(), "amount");
        if (cmd.amount().signum() < 0) {
            throw DomainRejection.badRequest("center.non-labour-negative", "amount", cmd.amount().toPlainString());
        }
        boolean unchanged = nonLabourCost != null && nonLabourCost.compareTo(cmd.amount()) == 0
                && Objects.equals(nonLabourNote, cmd.note());
        if (!unchanged) {
            apply(new CenterNonLabourCostRecorded(institutionId, cmd.actingUser(), centerId, cmd.amount(), cmd.note()));
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainRejection.badRequest("request.missing-parameter", "name", "name");
        }
    }

    private static void checkScope(String institutionId, String scopeId, SurveyDirectory directory) {
        if (scopeId != null && !directory.scopeExists(institutionId, scopeId)) {
            throw DomainRejection.unprocessable("scope.not-found", "scopeId", scopeId);
        }
    }

    private static void checkParent(String institutionId, String parentId, SurveyDirectory directory) {
        CenterFacts parent = directory.center(institutionId, parentId)
                .orElseThrow(() -> DomainRejection.unprocessable("center.not-found", "parentCenterId", parentId));
        if (parent.closed()) {
            throw DomainRejection.unprocessable("center.closed", "parentCenterId", parentId);
        }
    }

    /** Walks up from the new parent; meeting this center again means the move would close a loop. */
    private void requireNoCycle(String newParentId, SurveyDirectory directory) {
        Set<String> visited = new HashSet<>();
        String ancestor = newParentId;
        while (ancestor != null && visited.add(ancestor)) {
            if (ancestor.equals(centerId)) {
                throw DomainRejection.unprocessable("center.parent-cycle", "parentCenterId", newParentId, centerId);
            }
            ancestor = directory.center(institutionId, ancestor).map(CenterFacts::parentCenterId).orElse(null);
        }
    }

    /** Another institution's center answers exactly like a missing one. */
    private void requireOwnCenter(String requester) {
        if (institutionId == null || !institutionId.equals(requester)) {
            throw DomainRejection.notFound("center.not-found", "id", centerId);
        }
    }

    private void requireOpenOwnCenter(String requester) {
        requireOwnCenter(requester);
        if (closed) {
            throw DomainRejection.conflict("center.closed", "id", centerId);
        }
    }

    @EventSourcingHandler
    void on(CenterRegistered e) {
        aggregateId = ScopedId.of(e.institutionId(), e.centerId());
        centerId = e.centerId();
        institutionId = e.institutionId();
        name = e.name();
        scopeId = e.scopeId();
        parentCenterId = e.parentCenterId();
        area = e.area();
        function = e.function();
        organization = e.organization();
        manager = e.manager();
    }

    @EventSourcingHandler
    void on(CenterRenamed e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(CenterProfileRevised e) {
        area = e.area();
        function = e.function();
        organization = e.organization();
        manager = e.manager();
    }

    @EventSourcingHandler
    void on(CenterMoved e) {
        scopeId = e.scopeId();
        parentCenterId = e.parentCenterId();
    }

    @EventSourcingHandler
    void on(CenterClosed e) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CenterNonLabourCostRecorded e) {
        nonLabourCost = e.amount();
        nonLabourNote = e.note();
    }
}
