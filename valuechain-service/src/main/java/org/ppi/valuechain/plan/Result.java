package org.ppi.valuechain.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.valuechain.ResultDefined;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.valuechain.directory.Required;
import org.ppi.valuechain.directory.ValueChainDirectory;
import org.ppi.valuechain.plan.PlanCommands.DefineResult;

/** A result of the strategic plan; it contributes to one impact of the same institution. */
@Aggregate
public class Result {
    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String resultId;
    private String institutionId;

    protected Result() {
    }

    @CommandHandler
    public Result(DefineResult cmd, ValueChainDirectory directory) {
        Required.text(cmd.name(), "name");
        Required.text(cmd.impactId(), "impactId");
        if (!directory.impactExists(cmd.institutionId(), cmd.impactId())) {
            throw DomainRejection.unprocessable("impact.not-found", "impactId", cmd.impactId());
        }
        apply(new ResultDefined(cmd.institutionId(), cmd.actingUser(), cmd.resultId(), cmd.impactId(), cmd.name().trim(),
                cmd.description(), cmd.indicator()));
    }

    @EventSourcingHandler
    void on(ResultDefined e) {
        aggregateId = ScopedId.of(e.institutionId(), e.resultId());
        resultId = e.resultId();
        institutionId = e.institutionId();
    }
}
