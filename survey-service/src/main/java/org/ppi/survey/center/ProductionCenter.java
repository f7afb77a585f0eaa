package org.ppi.survey.center;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.platform.web.DomainRejection;
import org.ppi.survey.center.CenterCommands.RegisterCenter;
import org.ppi.survey.directory.SurveyDirectory;

/** An organizational unit that produces products (centro de producción). */
@Aggregate
public class ProductionCenter {
    @AggregateIdentifier
    private String centerId;
    private String institutionId;

    protected ProductionCenter() {
    }

    @CommandHandler
    public ProductionCenter(RegisterCenter cmd, SurveyDirectory directory) {
        if (!directory.institutionExists(cmd.institutionId())) {
            throw DomainRejection.notFound("institution.not-found", "institutionId", cmd.institutionId());
        }
        if (cmd.scopeId() != null && !directory.scopeExists(cmd.institutionId(), cmd.scopeId())) {
            throw DomainRejection.unprocessable("scope.not-found", "scopeId", cmd.scopeId());
        }
        if (cmd.parentCenterId() != null && directory.center(cmd.institutionId(), cmd.parentCenterId()).isEmpty()) {
            throw DomainRejection.unprocessable("center.not-found", "parentCenterId", cmd.parentCenterId());
        }
        if (cmd.area() == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "area", "area");
        }
        apply(new CenterRegistered(cmd.institutionId(), cmd.actingUser(), cmd.centerId(), cmd.name(), cmd.scopeId(),
                cmd.area(), cmd.function(), cmd.organization(), cmd.manager(), cmd.parentCenterId()));
    }

    @EventSourcingHandler
    void on(CenterRegistered e) {
        centerId = e.centerId();
        institutionId = e.institutionId();
    }
}
