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
import org.ppi.costing.projection.InstitutionHistory;
import org.ppi.platform.projection.FigureVersions;
import org.ppi.costing.rules.CostingInput;
import org.ppi.costing.rules.OverAllocationNormalisation;
import org.ppi.costing.state.Basis;
import org.ppi.costing.state.FiscalYear;
import org.ppi.costing.state.InstitutionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@link CostSnapshot}s: from the read models (live), from the figures' versions valid at an instant (as-of,
 * the default view: {@link FigureVersions}, one index read per figure whatever the length of the history), or by
 * folding the event log up to a time (every other as-of view: validated interviews only, normalised, another year).
 */
@Component
class CostSnapshots {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final InstitutionHistory institutionHistory;
    private final Recalculator recalculator;
    private final FigureVersions versions;
    private final JsonMapper withoutCause;

    CostSnapshots(JdbcClient jdbc, JsonMapper json, InstitutionHistory institutionHistory, Recalculator recalculator, FigureVersions versions) {
        this.versions = versions;
        this.withoutCause = json.rebuild().addMixIn(ProductCostView.class, WithoutCause.class)
                .addMixIn(EmployeeCostView.class, WithoutCause.class).addMixIn(CenterCostView.class, WithoutCause.class)
                .addMixIn(InstitutionCostView.class, WithoutCause.class).build();
        this.jdbc = jdbc;
        this.json = json;
        this.institutionHistory = institutionHistory;
        this.recalculator = recalculator;
    }

    /**
     * The stored figures answer the default query (now, the institution's current year, every interview, as
     * recorded); any other is computed from the history on request, like as-of ones.
     */
    CostSnapshot of(String institutionId, CostQuery query) {
        if (fromStore(institutionId, query)) {
            return live(institutionId);
        }
        Optional<InstitutionCostView> versioned = versioned(institutionId, query);
        return versioned.isPresent() ? fromVersions(institutionId, query.asOf(), versioned.get()) : history(institutionId, query);
    }

    /**
     * The same answer computed the old way: the stored rows now, the history folded up to the instant otherwise
     * (what the versions must equal, field by field).
     */
    CostSnapshot folded(String institutionId, CostQuery query) {
        return fromStore(institutionId, query) ? live(institutionId) : history(institutionId, query);
    }

    /** The institution's figure alone: from its one stored row (or version) when the store answers the query. */
    InstitutionCostView institution(String institutionId, CostQuery query) {
        if (fromStore(institutionId, query)) {
            return storedInstitution(institutionId);
        }
        return versioned(institutionId, query).orElseGet(() -> history(institutionId, query).institution());
    }

    /** One product's figure: its one stored row (or version) when the store answers the query, not every row. */
    Optional<ProductCostView> product(String institutionId, CostQuery query, String productId) {
        if (fromStore(institutionId, query)) {
            return row("product_cost", "product_id", institutionId, productId, ProductCostView.class);
        }
        if (versioned(institutionId, query).isPresent()) {
            return version("PRODUCT", institutionId, productId, query.asOf(), ProductCostView.class);
        }
        return history(institutionId, query).products().stream().filter(p -> p.productId().equals(productId)).findFirst();
    }

    Optional<EmployeeCostView> employee(String institutionId, CostQuery query, String employeeId) {
        if (fromStore(institutionId, query)) {
            return row("employee_cost", "employee_id", institutionId, employeeId, EmployeeCostView.class);
        }
        if (versioned(institutionId, query).isPresent()) {
            return version("EMPLOYEE", institutionId, employeeId, query.asOf(), EmployeeCostView.class);
        }
        return history(institutionId, query).employees().stream().filter(e -> e.employeeId().equals(employeeId)).findFirst();
    }

    Optional<CenterCostView> center(String institutionId, CostQuery query, String centerId) {
        if (fromStore(institutionId, query)) {
            return row("center_cost", "center_id", institutionId, centerId, CenterCostView.class);
        }
        if (versioned(institutionId, query).isPresent()) {
            return version("CENTER", institutionId, centerId, query.asOf(), CenterCostView.class);
        }
        return history(institutionId, query).centers().stream().filter(c -> c.centerId().equals(centerId)).findFirst();
    }

    /**
     * The institution's version at the query's instant, when the versions answer it: an as-of query of the view a
     * settle stores (every interview, not normalised, the year the institution had then). Any other view, or an
     * instant before the institution's first version (or before versions were kept), folds the history.
     */
    private Optional<InstitutionCostView> versioned(String institutionId, CostQuery query) {
        if (query.asOf() == null || query.basis() != Basis.ALL || query.normalize()) {
            return Optional.empty();
        }
        return version("INSTITUTION", institutionId, institutionId, query.asOf(), InstitutionCostView.class)
                .filter(v -> query.fiscalYear() == null || v.fiscalYear() == query.fiscalYear());
    }

    private <T> Optional<T> version(String kind, String institutionId, String id, Instant asOf, Class<T> type) {
        return versions.at(institutionId, kind, id, asOf).map(detail -> withoutCause.readValue(detail, type));
    }

    private CostSnapshot fromVersions(String institutionId, Instant asOf, InstitutionCostView institution) {
        List<ProductCostView> products = versions.all(institutionId, "PRODUCT", asOf).stream()
                .map(d -> withoutCause.readValue(d, ProductCostView.class)).toList();
        List<EmployeeCostView> employees = versions.all(institutionId, "EMPLOYEE", asOf).stream()
                .map(d -> withoutCause.readValue(d, EmployeeCostView.class)).toList();
        List<CenterCostView> centers = versions.all(institutionId, "CENTER", asOf).stream()
                .map(d -> withoutCause.readValue(d, CenterCostView.class)).toList();
        return new CostSnapshot(asOf, institution, products, employees, centers);
    }

    /**
     * What a version's detail is read without: a figure computed from the history names no causing event nor its
     * time, so neither does its version — the two answers are the same, field by field. (Read straight into the
     * view, no tree in between: amounts keep their cents as written.)
     */
    @JsonIgnoreProperties({"causationEventId", "effectiveAt"})
    private interface WithoutCause {
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
        InstitutionState state = institutionHistory.fold(institutionId, asOf);
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
