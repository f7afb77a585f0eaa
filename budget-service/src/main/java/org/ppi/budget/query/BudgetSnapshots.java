package org.ppi.budget.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.ProgramBudgetView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.budget.figures.YearFigures;
import org.ppi.budget.projection.BudgetHistory;
import org.ppi.budget.state.BudgetLineage;
import org.ppi.budget.state.BudgetState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@link BudgetSnapshot}s: from the read models (live), or by folding the event log up to a time
 * (as-of). A fiscal year the projection does not keep (no plan for it) is answered from the whole history,
 * with the same code as-of uses, so every year gets an answer and live and as-of agree.
 */
@Component
class BudgetSnapshots {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BudgetHistory history;

    BudgetSnapshots(JdbcClient jdbc, JsonMapper json, BudgetHistory history) {
        this.jdbc = jdbc;
        this.json = json;
        this.history = history;
    }

    BudgetSnapshot of(String institutionId, Integer fiscalYear, Instant asOf) {
        if (asOf == null) {
            Integer year = fiscalYear != null ? fiscalYear : storedDefaultYear(institutionId).orElse(null);
            if (year != null) {
                Optional<BudgetSnapshot> live = live(institutionId, year);
                if (live.isPresent()) {
                    return live.get();
                }
            }
        }
        return history(institutionId, fiscalYear, asOf);
    }

    private Optional<Integer> storedDefaultYear(String institutionId) {
        return jdbc.sql("select fiscal_year from budget_summary where institution_id = ? and default_year = true "
                        + "order by fiscal_year desc limit 1")
                .param(institutionId).query(Integer.class).optional();
    }

    private Optional<BudgetSnapshot> live(String institutionId, int year) {
        Optional<Row<SummaryView>> summary = jdbc.sql("select detail, lineage from budget_summary "
                        + "where institution_id = ? and fiscal_year = ?")
                .params(institutionId, year)
                .query((rs, i) -> new Row<>(json.readValue(rs.getString(1), SummaryView.class),
                        json.readValue(rs.getString(2), BudgetLineage.class)))
                .optional();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BudgetLineage> lineage = new HashMap<>();
        List<ProgramBudgetView> programs = jdbc.sql("select program_id, detail, lineage from program_budget "
                        + "where institution_id = ? and fiscal_year = ?")
                .params(institutionId, year)
                .query((rs, i) -> {
                    lineage.put(rs.getString(1), json.readValue(rs.getString(3), BudgetLineage.class));
                    return json.readValue(rs.getString(2), ProgramBudgetView.class);
                })
                .list();
        return Optional.of(new BudgetSnapshot(null, year, summary.get().value(), summary.get().lineage(), programs, lineage));
    }

    private BudgetSnapshot history(String institutionId, Integer fiscalYear, Instant asOf) {
        BudgetState state = history.fold(institutionId, asOf);
        int defaultYear = state.defaultYear();
        int year = fiscalYear != null ? fiscalYear : defaultYear;
        if (state.isEmpty()) {
            return new BudgetSnapshot(asOf, year, null, BudgetLineage.empty(), List.of(), Map.of());
        }
        YearFigures figures = BudgetFigures.year(state, year, year == defaultYear);
        Map<String, BudgetLineage> lineage = new HashMap<>();
        List<ProgramBudgetView> programs = figures.programs().values().stream().map(p -> {
            lineage.put(p.view().programId(), p.lineage());
            return p.view();
        }).toList();
        return new BudgetSnapshot(asOf, year, figures.summary(), figures.summaryLineage(), programs, lineage);
    }

    private record Row<T>(T value, BudgetLineage lineage) {
    }
}
