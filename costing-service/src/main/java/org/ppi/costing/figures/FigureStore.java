package org.ppi.costing.figures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.ppi.contracts.costing.CenterCostRecalculated;
import org.ppi.contracts.costing.EmployeeCostRecalculated;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.costing.LineageRef;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.money.Money;
import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.CenterCost;
import org.ppi.costing.rules.EmployeeCost;
import org.ppi.costing.rules.InstitutionTotals;
import org.ppi.costing.rules.ProductCost;
import org.ppi.costing.state.Basis;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.BatchedWrites;
import org.ppi.platform.projection.FigureVersions;
import org.ppi.platform.projection.Outbox;
import org.ppi.platform.projection.RecalculationLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a recalculation changed: the figure rows (with their causing event), a version of each from the
 * causing event's recording time (what an as-of query reads, {@link FigureVersions}), one recalculation-log line
 * per changed measure, and the costing event for the outbox. A figure's lineage is neither stored nor published: the
 * event carries its size and the path that pages it ({@link LineageRef}), computed on request from the state.
 */
@Component
public class FigureStore {
    private final JsonMapper json;
    private final Outbox outbox;
    private final RecalculationLog recalculations;
    private final BatchedWrites writes;
    private final FigureVersions versions;

    public FigureStore(JsonMapper json, Outbox outbox, RecalculationLog recalculations, BatchedWrites writes,
                       FigureVersions versions) {
        this.writes = writes;
        this.versions = versions;
        this.json = json;
        this.outbox = outbox;
        this.recalculations = recalculations;
    }

    public void write(InstitutionState state, Recalculation recalculation, CostFigures before, EventEnvelope cause) {
        Instant at = cause.recordedAt() == null ? Instant.EPOCH : cause.recordedAt();
        CostFigures now = recalculation.figures();
        for (String id : recalculation.changedProducts()) {
            product(state, now.products().get(id), before.products().get(id), id, cause, at);
        }
        for (String id : recalculation.changedEmployees()) {
            employee(state, now.employees().get(id), before.employees().get(id), id, cause, at);
        }
        for (String id : recalculation.changedCenters()) {
            center(state, now.centers().get(id), before.centers().get(id), id, cause, at);
        }
        // a figure added or gone with no cost of its own (a center just registered) leaves the totals but not the counts
        if (now.totals() != null && (recalculation.totalsChanged() || !now.counts().equals(before.counts()))) {
            institution(state, now, before.totals(), cause, at, recalculation.totalsChanged());
        }
    }

    private void product(InstitutionState state, ProductCost now, ProductCost before, String id, EventEnvelope cause, Instant at) {
        ProductCost shown = now != null ? now : before;
        int lineageSize = state.productLineage(id).size();
        ProductCostView view = null;
        if (now == null) {
            remove("product_cost", key(state, "product_id", id));
            versions.record(state.institutionId(), "PRODUCT", id, at, null);
        } else {
            view = Views.product(state, now, lineageSize, cause.id(), at, Basis.ALL);
            Map<String, Object> row = row(view, cause, at);
            row.put("product_name", view.productName());
            row.put("center_id", now.centerId());
            row.put("product_type", now.type().name());
            row.put("core", now.core());
            row.put("direct_cost", view.direct());
            row.put("unit_cost", view.unitCost());
            row.put("full_cost", view.fullCost());
            row.put("full_unit_cost", view.fullUnitCost());
            row.put("volume_gap", now.volumeGap());
            save("product_cost", key(state, "product_id", id), row);
            versions.record(state.institutionId(), "PRODUCT", id, at, (String) row.get("detail"));
        }
        logChange(state, "PRODUCT", id, "direct", before == null ? null : before.direct(), now == null ? null : now.direct(), cause, at);
        logChange(state, "PRODUCT", id, "fullCost", before == null ? null : before.fullCost(), now == null ? null : now.fullCost(), cause, at);
        logChange(state, "PRODUCT", id, "unitCost", before == null ? null : before.unitCost(), now == null ? null : now.unitCost(), cause, at);
        if (Objects.equals(now, before)) {
            return;
        }
        outbox.add(new ProductCostRecalculated(state.institutionId(), cause.actingUser(), id, shown.centerId(),
                state.method(), shown.type(), shown.core(), now != null, Money.amount(shown.labour()),
                Money.amount(shown.nonLabour()), Money.amount(shown.direct()), Money.plain(shown.volume()),
                Money.amount(shown.unitCost()), Money.amount(shown.fullCost()), Money.amount(shown.fullUnitCost()),
                shown.attributed(), at, cause.id(), lineageSize, LineageRef.product(id), view != null ? view.provisional() : state.provisionalProduct(id)),
                "", cause, at);
    }

    private void employee(InstitutionState state, EmployeeCost now, EmployeeCost before, String id, EventEnvelope cause, Instant at) {
        EmployeeCost shown = now != null ? now : before;
        if (now == null) {
            remove("employee_cost", key(state, "employee_id", id));
            versions.record(state.institutionId(), "EMPLOYEE", id, at, null);
        } else {
            EmployeeCostView view = Views.employee(state, now, cause.id(), at);
            Map<String, Object> row = row(view, cause, at);
            row.put("center_id", now.centerId());
            row.put("allocated_cost", view.allocatedCost());
            row.put("unused_cost", view.unusedCost());
            row.put("over_allocated", now.overAllocated());
            save("employee_cost", key(state, "employee_id", id), row);
            versions.record(state.institutionId(), "EMPLOYEE", id, at, (String) row.get("detail"));
        }
        logChange(state, "EMPLOYEE", id, "allocatedCost", before == null ? null : before.allocatedCost(), now == null ? null : now.allocatedCost(), cause, at);
        logChange(state, "EMPLOYEE", id, "unusedCost", before == null ? null : before.unusedCost(), now == null ? null : now.unusedCost(), cause, at);
        if (Objects.equals(now, before)) {
            return;
        }
        outbox.add(new EmployeeCostRecalculated(state.institutionId(), cause.actingUser(), id, shown.centerId(), state.method(),
                Money.amount(now == null ? Rational.ZERO : shown.capacityCost()), Money.amount(now == null ? Rational.ZERO : shown.allocatedCost()),
                Money.amount(now == null ? Rational.ZERO : shown.unusedCost()), Money.plain(shown.contractedHours()),
                Money.plain(now == null ? Rational.ZERO : shown.allocatedHours()), now != null && now.overAllocated(), at,
                cause.id(), state.employeeLineage(id).size(), LineageRef.employee(id)), "", cause, at);
    }

    private void center(InstitutionState state, CenterCost now, CenterCost before, String id, EventEnvelope cause,
                        Instant at) {
        CenterCost shown = now != null ? now : before;
        if (now == null) {
            remove("center_cost", key(state, "center_id", id));
            versions.record(state.institutionId(), "CENTER", id, at, null);
        } else {
            CenterCostView view = Views.center(state, now, cause.id(), at);
            Map<String, Object> row = row(view, cause, at);
            row.put("allocated_cost", view.allocatedCost());
            row.put("unused_cost", view.unusedCost());
            row.put("over_allocated", now.overAllocated());
            save("center_cost", key(state, "center_id", id), row);
            versions.record(state.institutionId(), "CENTER", id, at, (String) row.get("detail"));
        }
        logChange(state, "CENTER", id, "allocatedCost", before == null ? null : before.allocatedCost(), now == null ? null : now.allocatedCost(), cause, at);
        logChange(state, "CENTER", id, "unusedCost", before == null ? null : before.unusedCost(), now == null ? null : now.unusedCost(), cause, at);
        if (Objects.equals(now, before)) {
            return;
        }
        outbox.add(new CenterCostRecalculated(state.institutionId(), cause.actingUser(), id, state.method(),
                Money.amount(now == null ? Rational.ZERO : shown.payroll()), Money.amount(now == null ? Rational.ZERO : shown.nonLabour()),
                Money.amount(now == null ? Rational.ZERO : shown.allocatedCost()), Money.amount(now == null ? Rational.ZERO : shown.unusedCost()),
                Money.plain(shown.capacityHours()), Money.plain(shown.allocatedHours()), now != null && now.overAllocated(),
                at, cause.id(), state.centerLineage(id).size(), LineageRef.center(id)), "", cause, at);
    }

    private void institution(InstitutionState state, CostFigures now, InstitutionTotals before, EventEnvelope cause, Instant at,
                             boolean totalsChanged) {
        String id = state.institutionId();
        InstitutionCostView view = Views.institution(state, now, cause.id(), at);
        InstitutionTotals t = now.totals();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("total_cost", view.totalCost());
        row.put("reconciled", view.reconciled());
        row.put("detail", json.writeValueAsString(view));
        row.put("causation_event_id", cause.id());
        row.put("acting_user", cause.actingUser());
        row.put("effective_at", Timestamp.from(at));
        save("institution_cost", Map.of("institution_id", id), row);
        versions.record(id, "INSTITUTION", id, at, (String) row.get("detail"));
        if (!totalsChanged) { // only the counts moved: the row says so, no amount changed, nothing is republished
            return;
        }
        logChange(state, "INSTITUTION", id, "totalCost", before == null ? null : before.totalCost(), t.totalCost(), cause, at);
        logChange(state, "INSTITUTION", id, "unusedCost", before == null ? null : before.unusedCost(), t.unusedCost(), cause, at);
        outbox.add(new InstitutionCostRecalculated(id, cause.actingUser(), state.method(), Money.amount(t.totalCost()),
                Money.amount(t.terminalFullCost()), Money.amount(t.unattributedIntermediateCost()), Money.amount(t.unusedCost()),
                Money.amount(Rational.of(t.roundingResidue())), t.reconciles(), at, cause.id(), state.institutionLineageSize(), LineageRef.institution(),
                view.provisional()),
                "", cause, at);
    }

    private void logChange(InstitutionState state, String kind, String key, String measure, Rational before, Rational after,
                           EventEnvelope cause, Instant at) {
        recalculations.record(state.institutionId(), null, kind, key, measure, before, after, cause, at);
    }

    /** The columns every figure row has: the view as shown and its causing event. */
    private Map<String, Object> row(Object view, EventEnvelope cause, Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("detail", json.writeValueAsString(view));
        row.put("causation_event_id", cause.id());
        row.put("acting_user", cause.actingUser());
        row.put("effective_at", Timestamp.from(at));
        return row;
    }

    /** A figure's key: ids are the institution's own (another institution may use the same one). */
    private static Map<String, Object> key(InstitutionState state, String idColumn, String id) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("institution_id", state.institutionId());
        key.put(idColumn, id);
        return key;
    }

    /** Update in place (version + 1); insert at version 1 the first time; batched with the transaction's other writes. */
    private void save(String table, Map<String, Object> key, Map<String, Object> columns) {
        writes.save(table, key, columns, true);
    }

    private void remove(String table, Map<String, Object> key) {
        writes.delete(table, key);
    }
}
