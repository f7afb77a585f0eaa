package org.ppi.costing.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ppi.costing.figures.CenterCostView;
import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.EmployeeCostView;
import org.ppi.costing.figures.InstitutionCostView;
import org.ppi.costing.figures.ProductCostView;
import org.ppi.costing.figures.Recalculator;
import org.ppi.costing.figures.Views;
import org.ppi.platform.projection.EventLog;
import org.ppi.costing.rules.CostingInput;
import org.ppi.costing.rules.OverAllocationNormalisation;
import org.ppi.costing.state.Basis;
import org.ppi.costing.state.FiscalYear;
import org.ppi.costing.state.InstitutionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@link CostSnapshot}s: from the read models (live) or by folding the event log up to a time (as-of). */
@Component
class CostSnapshots {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventLog log;
    private final Recalculator recalculator;

    CostSnapshots(JdbcClient jdbc, JsonMapper json, EventLog log, Recalculator recalculator) {
        this.jdbc = jdbc;
        this.json = json;
        this.log = log;
        this.recalculator = recalculator;
    }

    /**
     * The stored figures answer the default query (now, the institution's current year, every interview, as
     * recorded); any other is computed from the history on request, like as-of ones.
     */
    CostSnapshot of(String institutionId, CostQuery query) {
        return fromStore(institutionId, query) ? live(institutionId) : history(institutionId, query);
    }

    /** The institution's figure alone: from its one stored row when the store answers the query. */
    InstitutionCostView institution(String institutionId, CostQuery query) {
        return fromStore(institutionId, query) ? storedInstitution(institutionId)
                : history(institutionId, query).institution();
    }

    /** One product's figure: its one stored row when the store answers the query (not every row of the institution). */
    Optional<ProductCostView> product(String institutionId, CostQuery query, String productId) {
        return fromStore(institutionId, query) ? row("product_cost", "product_id", institutionId, productId, ProductCostView.class)
                : history(institutionId, query).products().stream().filter(p -> p.productId().equals(productId)).findFirst();
    }

    Optional<EmployeeCostView> employee(String institutionId, CostQuery query, String employeeId) {
        return fromStore(institutionId, query) ? row("employee_cost", "employee_id", institutionId, employeeId, EmployeeCostView.class)
                : history(institutionId, query).employees().stream().filter(e -> e.employeeId().equals(employeeId)).findFirst();
    }

    Optional<CenterCostView> center(String institutionId, CostQuery query, String centerId) {
        return fromStore(institutionId, query) ? row("center_cost", "center_id", institutionId, centerId, CenterCostView.class)
                : history(institutionId, query).centers().stream().filter(c -> c.centerId().equals(centerId)).findFirst();
    }

    /**
     * The stored figures answer the default query (now, the institution's current year, every interview, as
     * recorded); any other is computed from the history on request, like as-of ones.
     */
    private boolean fromStore(String institutionId, CostQuery query) {
        if (query.stored()) {
            return true;
        }
        if (query.asOf() == null && query.basis() == Basis.ALL && !query.normalize()) {
            InstitutionCostView stored = storedInstitution(institutionId);
            return stored != null && stored.fiscalYear() == query.fiscalYear();
        }
        return false;
    }

    private <T> Optional<T> row(String table, String idColumn, String institutionId, String id, Class<T> type) {
        return jdbc.sql("select detail from " + table + " where institution_id = ? and " + idColumn + " = ?")
                .params(institutionId, id)
                .query((rs, i) -> json.readValue(rs.getString(1), type)).optional();
    }

    private CostSnapshot live(String institutionId) {
        List<ProductCostView> products = rows("product_cost", institutionId, ProductCostView.class);
        List<EmployeeCostView> employees = rows("employee_cost", institutionId, EmployeeCostView.class);
        List<CenterCostView> centers = rows("center_cost", institutionId, CenterCostView.class);
        return new CostSnapshot(null, storedInstitution(institutionId), products, employees, centers);
    }

    private InstitutionCostView storedInstitution(String institutionId) {
        return jdbc.sql("select detail from institution_cost where institution_id = ?")
                .param(institutionId)
                .query((rs, i) -> json.readValue(rs.getString(1), InstitutionCostView.class)).optional().orElse(null);
    }

    private <T> List<T> rows(String table, String institutionId, Class<T> type) {
        return jdbc.sql("select detail from " + table + " where institution_id = ?")
                .param(institutionId)
                .query((rs, i) -> json.readValue(rs.getString(1), type))
                .list();
    }

    private CostSnapshot history(String institutionId, CostQuery query) {
        Instant asOf = query.asOf();
        Basis basis = query.basis();
        InstitutionState state = new InstitutionState(institutionId);
        log.replay(institutionId, asOf, state::apply);
        FiscalYear year = query.fiscalYear() == null ? state.currentYear() : state.year(query.fiscalYear());
        CostingInput input = state.toInput(year, basis);
        CostFigures figures = recalculator.full(query.normalize() ? OverAllocationNormalisation.apply(input) : input);
        List<ProductCostView> products = figures.products().values().stream()
                .map(p -> Views.product(state, p, state.productLineage(p.productId()).size(), null, null, basis)).toList();
        List<EmployeeCostView> employees = figures.employees().values().stream()
                .map(e -> Views.employee(state, e, null, null, basis)).toList();
        List<CenterCostView> centers = figures.centers().values().stream()
                .map(c -> Views.center(state, c, null, null, basis)).toList();
        InstitutionCostView institution = state.name() == null && figures.products().isEmpty() ? null
                : Views.institution(state, figures, null, null, year, basis);
        return new CostSnapshot(asOf, institution, products, employees, centers);
    }
}
