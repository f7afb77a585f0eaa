package org.ppi.survey.center;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterMoved;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterProfileRevised;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.survey.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps center_view in the command's transaction. */
@Component
@ProcessingGroup("directory")
public class CenterProjection {
    private final JdbcClient jdbc;

    public CenterProjection(JdbcClient jdbc) {
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

    @EventHandler
    void on(CenterRenamed e, EventMessage<?> m) {
        update(e.centerId(), e.institutionId(), RowStamp.of(e, m), "name = ?", e.name());
    }

    @EventHandler
    void on(CenterProfileRevised e, EventMessage<?> m) {
        update(e.centerId(), e.institutionId(), RowStamp.of(e, m),
                "area = ?, function_text = ?, organization = ?, manager = ?",
                e.area().name(), e.function(), e.organization(), e.manager());
    }

    @EventHandler
    void on(CenterMoved e, EventMessage<?> m) {
        update(e.centerId(), e.institutionId(), RowStamp.of(e, m), "scope_id = ?, parent_center_id = ?",
                e.scopeId(), e.parentCenterId());
    }

    @EventHandler
    void on(CenterClosed e, EventMessage<?> m) {
        update(e.centerId(), e.institutionId(), RowStamp.of(e, m), "closed = ?, closed_on = ?, closure_reason = ?",
                true, e.effectiveDate(), e.reason());
    }

    @EventHandler
    void on(CenterNonLabourCostRecorded e, EventMessage<?> m) {
        update(e.centerId(), e.institutionId(), RowStamp.of(e, m), "non_labour_cost = ?, non_labour_note = ?",
                e.amount(), e.note());
    }

    private void update(String centerId, String institutionId, RowStamp s, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(s.eventId(), s.user(), s.at(), centerId, institutionId));
        jdbc.sql("update center_view set " + assignments + ", last_event_id = ?, updated_by = ?, updated_at = ? "
                        + "where center_id = ? and institution_id = ?")
                .params(params).update();
    }
}
