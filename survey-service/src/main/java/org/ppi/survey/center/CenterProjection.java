package org.ppi.survey.center;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.survey.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps center_view in the command's transaction. */
@Component
@ProcessingGroup("directory")
class CenterProjection {
    private final JdbcClient jdbc;

    CenterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CenterRegistered e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into center_view (center_id, institution_id, name, scope_id, area, function_text, organization, "
                        + "manager, parent_center_id, closed, last_event_id, updated_by, updated_at) "
                        + "values (?,?,?,?,?,?,?,?,?,false,?,?,?)")
                .params(e.centerId(), e.institutionId(), e.name(), e.scopeId(), e.area().name(), e.function(),
                        e.organization(), e.manager(), e.parentCenterId(), s.eventId(), s.user(), s.at())
                .update();
    }
}
