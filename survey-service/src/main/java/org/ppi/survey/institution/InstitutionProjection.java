package org.ppi.survey.institution;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.survey.CostingMethodChosen;
import org.ppi.contracts.survey.InstitutionDetailsRevised;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.ScopeDefined;
import org.ppi.contracts.survey.ScopeRenamed;
import org.ppi.survey.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps institution_view and scope_view, in the command's transaction (processing group "directory"). */
@Component
@ProcessingGroup("directory")
public class InstitutionProjection {
    private final JdbcClient jdbc;

    public InstitutionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InstitutionRegistered e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into institution_view (institution_id, name, country, currency, fiscal_year, weekly_hours, "
                        + "costing_method, last_event_id, updated_by, updated_at, fiscal_year_start_month) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(e.institutionId(), e.name(), e.country(), e.currency(), e.fiscalYear(), e.weeklyHours(),
                        e.costingMethod().name(), s.eventId(), s.user(), s.at(), startMonth(e.fiscalYearStartMonth()))
                .update();
    }

    @EventHandler
    void on(InstitutionDetailsRevised e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("update institution_view set name = ?, country = ?, currency = ?, fiscal_year = ?, weekly_hours = ?, "
                        + "fiscal_year_start_month = ?, last_event_id = ?, updated_by = ?, updated_at = ? where institution_id = ?")
                .params(e.name(), e.country(), e.currency(), e.fiscalYear(), e.weeklyHours(),
                        startMonth(e.fiscalYearStartMonth()), s.eventId(), s.user(), s.at(), e.institutionId())
                .update();
    }

    @EventHandler
    void on(CostingMethodChosen e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("update institution_view set costing_method = ?, last_event_id = ?, updated_by = ?, updated_at = ? "
                        + "where institution_id = ?")
                .params(e.costingMethod().name(), s.eventId(), s.user(), s.at(), e.institutionId())
                .update();
    }

    @EventHandler
    void on(ScopeDefined e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into scope_view (scope_id, institution_id, name, last_event_id, updated_by, updated_at) "
                        + "values (?,?,?,?,?,?)")
                .params(e.scopeId(), e.institutionId(), e.name(), s.eventId(), s.user(), s.at())
                .update();
    }

    @EventHandler
    void on(ScopeRenamed e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("update scope_view set name = ?, last_event_id = ?, updated_by = ?, updated_at = ? "
                        + "where scope_id = ? and institution_id = ?")
                .params(e.name(), s.eventId(), s.user(), s.at(), e.scopeId(), e.institutionId())
                .update();
    }

    /** Events recorded before the start month existed, or without one, have a calendar fiscal year. */
    private static int startMonth(Integer month) {
        return month == null ? 1 : month;
    }
}
