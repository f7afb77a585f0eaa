package org.ppi.valuechain.plan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.valuechain.ImpactDefined;
import org.ppi.contracts.valuechain.ResultDefined;
import org.ppi.valuechain.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps impact_view and result_view in the command's transaction. */
@Component
@ProcessingGroup("directory")
public class PlanProjection {
    private final JdbcClient jdbc;

    public PlanProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ImpactDefined e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into impact_view (impact_id, institution_id, name, description, indicator, last_event_id, "
                        + "updated_by, updated_at) values (?,?,?,?,?,?,?,?)")
                .params(e.impactId(), e.institutionId(), e.name(), e.description(), e.indicator(), s.eventId(), s.user(), s.at())
                .update();
    }

    @EventHandler
    public void on(ResultDefined e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into result_view (result_id, institution_id, impact_id, name, description, indicator, "
                        + "last_event_id, updated_by, updated_at) values (?,?,?,?,?,?,?,?,?)")
                .params(e.resultId(), e.institutionId(), e.impactId(), e.name(), e.description(), e.indicator(),
                        s.eventId(), s.user(), s.at())
                .update();
    }
}
