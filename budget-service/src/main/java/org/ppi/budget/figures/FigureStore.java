package org.ppi.budget.figures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ppi.contracts.money.Money;
import org.ppi.platform.projection.FigureVersions;
import org.ppi.platform.projection.Outbox;
import org.ppi.platform.projection.RecalculationLog;
import org.ppi.budget.rules.BudgetResult;
import org.ppi.budget.state.BudgetState;
import org.ppi.contracts.budget.InstitutionBudgetRecalculated;
import org.ppi.contracts.budget.LineageRef;
import org.ppi.contracts.budget.ProgramBudgetRecalculated;
import org.ppi.contracts.money.Rational;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.ppi.platform.projection.BatchedWrites;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what one event changed: the program and summary rows whose view or lineage changed (with their causing
 * event; saved with the batch's other writes), one recalculation-log line per changed amount, and — when an amount changed — the budget event for
 * the outbox. A lineage-only change (costing republished a product at the same cost) refreshes the row but is
 * not announced: consumers of budget events care about amounts. Each row written (or dropped) is also a version
 * from the causing event's recording time ({@link FigureVersions}: what an as-of query reads), under kinds
 * {@code SUMMARY} (figure: the year), {@code PROGRAM:<year>} (figure: the program) and {@code DEFAULT} (the year
 * shown when none is asked, null while nothing is known of the institution).
 */
@Component
public class FigureStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final RecalculationLog recalculations;
    private final FigureVersions versions;
    private final BatchedWrites writes;

    public FigureStore(JdbcClient jdbc, JsonMapper json, Outbox outbox, RecalculationLog recalculations,
                       FigureVersions versions, BatchedWrites writes) {
        this.versions = versions;
        this.writes = writes;
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.recalculations = recalculations;
    }

    public void write(BudgetState state, BudgetFigures now, BudgetFigures before, EventEnvelope cause) {
        Instant at = cause.recordedAt() == null ? Instant.EPOCH : cause.recordedAt();
        for (Map.Entry<Integer, YearFigures> entry : now.years().entrySet()) {
            int year = entry.getKey();
            YearFigures fresh = entry.getValue();
            YearFigures old = before.years().get(year);
            for (ProgramFigure figure : fresh.programs().values()) {
                ProgramFigure previous = old == null ? null : old.programs().get(figure.view().programId());
                if (previous == null || !previous.view().equals(figure.view())
                        || !previous.lineage().equals(figure.lineage())) {
                    program(state, year, figure, previous, cause, at);
                }
            }
            if (old == null || !old.summary().equals(fresh.summary()) || !old.summaryLineage().equals(fresh.summaryLineage())) {
                summary(state, year, fresh, old, cause, at);
            }
            if (old != null) {
                old.programs().keySet().stream().filter(id -> !fresh.programs().containsKey(id))
                        .forEach(id -> versions.record(state.institutionId(), programs(year), id, at, null));
            }
        }
        for (Map.Entry<Integer, YearFigures> gone : before.years().entrySet()) {
            if (!now.years().containsKey(gone.getKey())) {
                versions.record(state.institutionId(), SUMMARY, String.valueOf(gone.getKey()), at, null);
                gone.getValue().programs().keySet().forEach(id ->
                        versions.record(state.institutionId(), programs(gone.getKey()), id, at, null));
            }
        }
        versions.recordIfChanged(state.institutionId(), DEFAULT, state.institutionId(), at,
                state.isEmpty() ? null : String.valueOf(now.defaultYear()));
        if (!now.years().keySet().equals(before.years().keySet())) {
            forgetOtherYears(state.institutionId(), now);
        }
    }

    /** The versions' kinds: a year's summary, a year's programs, the year shown by default. */
    public static final String SUMMARY = "SUMMARY";
    public static final String DEFAULT = "DEFAULT";

    public static String programs(int year) {
        return "PROGRAM:" + year;
    }

    private void program(BudgetState state, int year, ProgramFigure figure, ProgramFigure previous, EventEnvelope cause,
                         Instant at) {
        String institution = state.institutionId();
        String programId = figure.view().programId();
        ProgramBudgetView view = figure.view().withCause(cause.id(), at);
        String detail = json.writeValueAsString(view);
        versions.record(institution, programs(year), programId, at, detail);
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("institution_id", institution);
        key.put("fiscal_year", year);
        key.put("program_id", programId);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("program_code", view.code());
        row.put("program_name", view.name());
        row.put("budget", view.budget());
        row.put("budget_exact", view.budgetExact());
        row.put("detail", detail);
        row.put("lineage", json.writeValueAsString(figure.lineage()));
        row.put("causation_event_id", cause.id());
        row.put("acting_user", cause.actingUser());
        row.put("effective_at", Timestamp.from(at));
        writes.save("program_budget", key, row, true);
        Rational budget = figure.budget().budget();
        Rational old = previous == null ? null : previous.budget().budget();
        logChange(institution, year, "PROGRAM", programId, "budget", old, budget, cause, at);
        if (!budget.equals(old)) {
            outbox.add(new ProgramBudgetRecalculated(institution, cause.actingUser(), programId, year, Money.amount(budget),
                    at, cause.id(), figure.lineage().events().size(), LineageRef.program(programId, year)),
                    String.valueOf(year), cause, at);
        }
    }

    private void summary(BudgetState state, int year, YearFigures fresh, YearFigures old, EventEnvelope cause, Instant at) {
        String institution = state.institutionId();
        SummaryView view = fresh.summary().withCause(cause.id(), at);
        String detail = json.writeValueAsString(view);
        versions.record(institution, SUMMARY, String.valueOf(year), at, detail);
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("institution_id", institution);
        key.put("fiscal_year", year);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("default_year", view.defaultYear());
        row.put("programs_total", view.programsTotal());
        row.put("central_actions", view.centralActions());
        row.put("unassigned_terminals", view.unassignedTerminals());
        row.put("unused_capacity", view.unusedCapacity());
        row.put("total", view.total());
        row.put("costing_total_cost", view.costingTotalCost());
        row.put("reconciles", view.reconciles());
        row.put("detail", detail);
        row.put("lineage", json.writeValueAsString(fresh.summaryLineage()));
        row.put("causation_event_id", cause.id());
        row.put("acting_user", cause.actingUser());
        row.put("effective_at", Timestamp.from(at));
        writes.save("budget_summary", key, row, true);
        BudgetResult now = fresh.result();
        BudgetResult before = old == null ? null : old.result();
        boolean changed = before == null;
        changed |= logChange(institution, year, "SUMMARY", institution, "programs",
                before == null ? null : before.programsTotal(), now.programsTotal(), cause, at);
        changed |= logChange(institution, year, "SUMMARY", institution, "centralActions",
                before == null ? null : before.centralActions(), now.centralActions(), cause, at);
        changed |= logChange(institution, year, "SUMMARY", institution, "unassignedTerminals",
                before == null ? null : before.unassignedTerminals(), now.unassignedTerminals(), cause, at);
        changed |= logChange(institution, year, "SUMMARY", institution, "unusedCapacity",
                before == null ? null : before.unusedCapacity(), now.unusedCapacity(), cause, at);
        changed |= logChange(institution, year, "SUMMARY", institution, "total",
                before == null ? null : before.total(), now.total(), cause, at);
        // kept apart from the reconciliation (and from the published event's reconciled lines), but logged
        logChange(institution, year, "SUMMARY", institution, "plannedBeyond",
                before == null ? null : before.plannedBeyond(), now.plannedBeyond(), cause, at);
        logChange(institution, year, "SUMMARY", institution, "apnop",
                before == null ? null : before.apnopTotal(), now.apnopTotal(), cause, at);
        logChange(institution, year, "SUMMARY", institution, "budgetTotal",
                before == null ? null : before.budgetTotal(), now.budgetTotal(), cause, at);
        if (changed) {
            outbox.add(new InstitutionBudgetRecalculated(institution, cause.actingUser(), year,
                    Money.amount(now.programsTotal()), Money.amount(now.centralActions()),
                    Money.amount(now.unassignedTerminals()), Money.amount(now.unusedCapacity()), Money.amount(now.total()),
                    at, cause.id(), fresh.summaryLineage().events().size(), LineageRef.summary(year)),
                    String.valueOf(year), cause, at);
        }
    }

    /**
     * A year leaves play when the default year moves (a later year got a plan): its rows would go stale, so
     * they are dropped; queries for such a year are answered from history instead. The rows the open batch saved so
     * far are sent first, so a row saved for a year that leaves play is dropped too, and one saved after it is kept.
     */
    private void forgetOtherYears(String institution, BudgetFigures now) {
        writes.flush();
        for (String table : new String[] {"program_budget", "budget_summary"}) {
            jdbc.sql("delete from " + table + " where institution_id = :institution and fiscal_year not in (:years)")
                    .param("institution", institution).param("years", now.years().keySet()).update();
        }
    }

    /** Logs an exact change (true) with its rounded old and new values. */
    private boolean logChange(String institution, int year, String kind, String key, String measure, Rational before,
                              Rational after, EventEnvelope cause, Instant at) {
        return recalculations.record(institution, year, kind, key, measure, before, after, cause, at);
    }
}
