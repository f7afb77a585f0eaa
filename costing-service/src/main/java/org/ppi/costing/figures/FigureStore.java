package org.ppi.costing.figures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.ppi.contracts.costing.CenterCostRecalculated;
import org.ppi.contracts.costing.EmployeeCostRecalculated;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.money.Rational;
import org.ppi.platform.projection.Outbox;
import org.ppi.platform.projection.RecalculationLog;
import org.ppi.costing.rules.CenterCost;
import org.ppi.costing.rules.EmployeeCost;
import org.ppi.costing.rules.InstitutionTotals;
import org.ppi.costing.rules.ProductCost;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a recalculation changed: the figure rows (with their lineage and causing event), one
 * recalculation-log line per changed measure, and the costing event for the outbox.
 */
@Component
public class FigureStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final RecalculationLog recalculations;

    public FigureStore(JdbcClient jdbc, JsonMapper json, Outbox outbox, RecalculationLog recalculations) {
        this.jdbc = jdbc;
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
            center(state, now.centers().get(id), before.centers().get(id), now.employees(), id, cause, at);
        }
        if (recalculation.totalsChanged() && now.totals() != null) {
            institution(state, now, before.totals(), cause, at);
        }
    }

    private void product(InstitutionState state, ProductCost now, ProductCost before, String id, EventEnvelope cause, Instant at) {
        int version = version("product_cost", "product_id", id);
        jdbc.sql("delete from product_cost where product_id = ?").param(id).update();
        ProductCost shown = now != null ? now : before;
        List<String> lineage = state.productLineage(id);
        if (now != null) {
            ProductCostView view = Views.product(state, now, cause.id(), at);
            jdbc.sql("insert into product_cost (product_id, institution_id, product_name, center_id, product_type, core, "
                            + "direct_cost, unit_cost, full_cost, full_unit_cost, volume_gap, detail, lineage, "
                            + "causation_event_id, acting_user, effective_at, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .params(id, state.institutionId(), view.productName(), now.centerId(), now.type().name(), now.core(),
                            view.direct(), view.unitCost(), view.fullCost(), view.fullUnitCost(), now.volumeGap(),
                            json.writeValueAsString(view), json.writeValueAsString(lineage), cause.id(), cause.actingUser(),
                            Timestamp.from(at), version + 1)
                    .update();
        }
        logChange(state, "PRODUCT", id, "direct", before == null ? null : before.direct(), now == null ? null : now.direct(), cause, at);
        logChange(state, "PRODUCT", id, "fullCost", before == null ? null : before.fullCost(), now == null ? null : now.fullCost(), cause, at);
        logChange(state, "PRODUCT", id, "unitCost", before == null ? null : before.unitCost(), now == null ? null : now.unitCost(), cause, at);
        if (java.util.Objects.equals(now, before)) {
            return;
        }
        outbox.add(new ProductCostRecalculated(state.institutionId(), cause.actingUser(), id, shown.centerId(),
                state.method(), shown.type(), shown.core(), now != null, Money.amount(shown.labour()),
                Money.amount(shown.nonLabour()), Money.amount(shown.direct()), Money.plain(shown.volume()),
                Money.amount(shown.unitCost()), Money.amount(shown.fullCost()), Money.amount(shown.fullUnitCost()),
                shown.attributed(), at, cause.id(), lineage), "", cause.id(), at);
    }

    private void employee(InstitutionState state, EmployeeCost now, EmployeeCost before, String id, EventEnvelope cause, Instant at) {
        int version = version("employee_cost", "employee_id", id);
        jdbc.sql("delete from employee_cost where employee_id = ?").param(id).update();
        EmployeeCost shown = now != null ? now : before;
        List<String> lineage = state.employeeLineage(id);
        if (now != null) {
            EmployeeCostView view = Views.employee(state, now, cause.id(), at);
            jdbc.sql("insert into employee_cost (employee_id, institution_id, center_id, allocated_cost, unused_cost, "
                            + "over_allocated, detail, lineage, causation_event_id, acting_user, effective_at, version) "
                            + "values (?,?,?,?,?,?,?,?,?,?,?,?)")
                    .params(id, state.institutionId(), now.centerId(), view.allocatedCost(), view.unusedCost(),
                            now.overAllocated(), json.writeValueAsString(view), json.writeValueAsString(lineage), cause.id(),
                            cause.actingUser(), Timestamp.from(at), version + 1)
                    .update();
        }
        logChange(state, "EMPLOYEE", id, "allocatedCost", before == null ? null : before.allocatedCost(), now == null ? null : now.allocatedCost(), cause, at);
        logChange(state, "EMPLOYEE", id, "unusedCost", before == null ? null : before.unusedCost(), now == null ? null : now.unusedCost(), cause, at);
        if (java.util.Objects.equals(now, before)) {
            return;
        }
        outbox.add(new EmployeeCostRecalculated(state.institutionId(), cause.actingUser(), id, shown.centerId(), state.method(),
                Money.amount(now == null ? Rational.ZERO : shown.capacityCost()), Money.amount(now == null ? Rational.ZERO : shown.allocatedCost()),
                Money.amount(now == null ? Rational.ZERO : shown.unusedCost()), Money.plain(shown.contractedHours()),
                Money.plain(now == null ? Rational.ZERO : shown.allocatedHours()), now != null && now.overAllocated(), at,
                cause.id(), lineage), "", cause.id(), at);
    }

    private void center(InstitutionState state, CenterCost now, CenterCost before,
                        java.util.Map<String, EmployeeCost> employees, String id, EventEnvelope cause, Instant at) {
        int version = version("center_cost", "center_id", id);
        jdbc.sql("delete from center_cost where center_id = ?").param(id).update();
        CenterCost shown = now != null ? now : before;
        List<String> lineage = state.centerLineage(id);
        if (now != null) {
            CenterCostView view = Views.center(state, now, employees, cause.id(), at);
            jdbc.sql("insert into center_cost (center_id, institution_id, allocated_cost, unused_cost, over_allocated, detail, "
                            + "lineage, causation_event_id, acting_user, effective_at, version) values (?,?,?,?,?,?,?,?,?,?,?)")
                    .params(id, state.institutionId(), view.allocatedCost(), view.unusedCost(), now.overAllocated(),
                            json.writeValueAsString(view), json.writeValueAsString(lineage), cause.id(), cause.actingUser(),
                            Timestamp.from(at), version + 1)
                    .update();
        }
        logChange(state, "CENTER", id, "allocatedCost", before == null ? null : before.allocatedCost(), now == null ? null : now.allocatedCost(), cause, at);
        logChange(state, "CENTER", id, "unusedCost", before == null ? null : before.unusedCost(), now == null ? null : now.unusedCost(), cause, at);
        if (java.util.Objects.equals(now, before)) {
            return;
        }
        outbox.add(new CenterCostRecalculated(state.institutionId(), cause.actingUser(), id, state.method(),
                Money.amount(now == null ? Rational.ZERO : shown.payroll()), Money.amount(now == null ? Rational.ZERO : shown.nonLabour()),
                Money.amount(now == null ? Rational.ZERO : shown.allocatedCost()), Money.amount(now == null ? Rational.ZERO : shown.unusedCost()),
                Money.plain(shown.capacityHours()), Money.plain(shown.allocatedHours()), now != null && now.overAllocated(),
                at, cause.id(), lineage), "", cause.id(), at);
    }

    private void institution(InstitutionState state, CostFigures now, InstitutionTotals before, EventEnvelope cause, Instant at) {
        String id = state.institutionId();
        int version = version("institution_cost", "institution_id", id);
        jdbc.sql("delete from institution_cost where institution_id = ?").param(id).update();
        InstitutionCostView view = Views.institution(state, now, cause.id(), at);
        InstitutionTotals t = now.totals();
        jdbc.sql("insert into institution_cost (institution_id, total_cost, reconciled, detail, causation_event_id, acting_user, "
                        + "effective_at, version) values (?,?,?,?,?,?,?,?)")
                .params(id, view.totalCost(), view.reconciled(), json.writeValueAsString(view), cause.id(), cause.actingUser(),
                        Timestamp.from(at), version + 1)
                .update();
        logChange(state, "INSTITUTION", id, "totalCost", before == null ? null : before.totalCost(), t.totalCost(), cause, at);
        logChange(state, "INSTITUTION", id, "unusedCost", before == null ? null : before.unusedCost(), t.unusedCost(), cause, at);
        outbox.add(new InstitutionCostRecalculated(id, cause.actingUser(), state.method(), Money.amount(t.totalCost()),
                Money.amount(t.terminalFullCost()), Money.amount(t.unattributedIntermediateCost()), Money.amount(t.unusedCost()),
                Money.amount(Rational.of(t.roundingResidue())), t.reconciles(), at, cause.id(), List.of()), "", cause.id(), at);
    }

    private void logChange(InstitutionState state, String kind, String key, String measure, Rational before, Rational after,
                           EventEnvelope cause, Instant at) {
        recalculations.record(state.institutionId(), null, kind, key, measure, before, after, cause, at);
    }

    private int version(String table, String idColumn, String id) {
        return jdbc.sql("select version from " + table + " where " + idColumn + " = ?").param(id)
                .query(Integer.class).optional().orElse(0);
    }
}
