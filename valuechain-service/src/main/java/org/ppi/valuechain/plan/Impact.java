package org.ppi.valuechain.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.valuechain.ImpactDefined;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.valuechain.directory.Required;
import org.ppi.valuechain.plan.PlanCommands.DefineImpact;

/** An impact of the institution's strategic plan: the top of a public value chain. */
@Aggregate
public class Impact {
    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String impactId;
    private String institutionId;

    protected Impact() {
    }

    @CommandHandler
    public Impact(DefineImpact cmd) {
        Required.text(cmd.name(), "name");
        apply(new ImpactDefined(cmd.institutionId(), cmd.actingUser(), cmd.impactId(), cmd.name().trim(),
                cmd.description(), cmd.indicator()));
    }

    @EventSourcingHandler
    void on(ImpactDefined e) {
        aggregateId = ScopedId.of(e.institutionId(), e.impactId());
        impactId = e.impactId();
        institutionId = e.institutionId();
    }
}
