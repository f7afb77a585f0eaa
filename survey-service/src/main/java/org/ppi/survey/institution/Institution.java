package org.ppi.survey.institution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.CostingMethodChosen;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.ScopeDefined;
import org.ppi.platform.web.DomainRejection;
import org.ppi.survey.institution.InstitutionCommands.ChooseCostingMethod;
import org.ppi.survey.institution.InstitutionCommands.DefineScope;
import org.ppi.survey.institution.InstitutionCommands.RegisterInstitution;

/** The tenant: its currency, fiscal year, standard weekly hours, costing method and ámbitos. */
@Aggregate
public class Institution {
    private static final BigDecimal MAX_WEEK = BigDecimal.valueOf(168);

    @AggregateIdentifier
    private String institutionId;
    private CostingMethod costingMethod;
    private final Set<String> scopes = new HashSet<>();

    protected Institution() {
    }

    @CommandHandler
    public Institution(RegisterInstitution cmd) {
        BigDecimal weeklyHours = cmd.weeklyHours() == null ? BigDecimal.valueOf(40) : cmd.weeklyHours();
        if (weeklyHours.signum() <= 0 || weeklyHours.compareTo(MAX_WEEK) > 0) {
            throw DomainRejection.badRequest("institution.weekly-hours", "weeklyHours");
        }
        if (cmd.currency() == null || !cmd.currency().matches("[A-Z]{3}")) {
            throw DomainRejection.badRequest("institution.currency", "currency");
        }
        apply(new InstitutionRegistered(cmd.institutionId(), cmd.actingUser(), cmd.name(), cmd.country(), cmd.currency(),
                cmd.fiscalYear(), weeklyHours,
                cmd.costingMethod() == null ? CostingMethod.CLASSIC : cmd.costingMethod()));
    }

    @CommandHandler
    public void handle(ChooseCostingMethod cmd) {
        if (cmd.costingMethod() != costingMethod) {
            apply(new CostingMethodChosen(institutionId, cmd.actingUser(), cmd.costingMethod()));
        }
    }

    @CommandHandler
    public void handle(DefineScope cmd) {
        if (scopes.contains(cmd.scopeId())) {
            throw DomainRejection.conflict("entity.already-exists", "scopeId", cmd.scopeId());
        }
        apply(new ScopeDefined(institutionId, cmd.actingUser(), cmd.scopeId(), cmd.name()));
    }

    @EventSourcingHandler
    void on(InstitutionRegistered e) {
        institutionId = e.institutionId();
        costingMethod = e.costingMethod();
    }

    @EventSourcingHandler
    void on(CostingMethodChosen e) {
        costingMethod = e.costingMethod();
    }

    @EventSourcingHandler
    void on(ScopeDefined e) {
        scopes.add(e.scopeId());
    }
}
