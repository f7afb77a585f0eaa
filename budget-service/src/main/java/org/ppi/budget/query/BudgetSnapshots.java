package org.ppi.budget.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.FigureStore;
import org.ppi.budget.figures.ProgramBudgetView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.budget.figures.YearFigures;
import org.ppi.budget.projection.BudgetHistory;
import org.ppi.budget.state.BudgetLineage;
import org.ppi.budget.state.BudgetState;
import org.ppi.platform.projection.FigureVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@link BudgetSnapshot}s: from the read models (live), from the figures' versions valid at a time (as-of of
 * a year the projection kept then: {@link FigureVersions}, one index read per figure whatever the length of the
 * history), or by folding the event log up to a time (as-of of any other year, or before the institution's first
 * version). A fiscal year the projection does not keep (no plan for it) is answered from the whole history, with the
 * same code as-of uses, so every year gets an answer and live and as-of agree.
 */
@Component
class BudgetSnapshots {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BudgetHistory history;
    private final FigureVersions versions;
    private final JsonMapper withoutCause;

    BudgetSnapshots(JdbcClient jdbc, JsonMapper json, BudgetHistory history, FigureVersions versions) {
        this.versions = versions;
        this.withoutCause = json.rebuild().addMixIn(SummaryView.class, WithoutCause.class)
                .addMixIn(ProgramBudgetView.class, WithoutCause.class).build();
        this.jdbc = jdbc;
        this.json = json;
        this.history = history;
    }

    BudgetSnapshot of(String institutionId, Integer fiscalYear, Instant asOf) {
        if (asOf != null) {
            Optional<BudgetSnapshot> versioned = fromVersions(institutionId, fiscalYear, asOf);
            if (versioned.isPresent()) {
                return versioned.get();
            }
        }
        return folded(institutionId, fiscalYear, asOf);
    }

    /**
     * The same answer computed the old way, with the events behind each figure: the stored rows now, the history
     * folded up to the instant otherwise (what the versions must equal; the lineage endpoints' source).
     */
    BudgetSnapshot folded(String institutionId, Integer fiscalYear, Instant asOf) {
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

    /**
     * As of an instant, from the versions: the year shown by default then (unless one is asked), and that year's
     * summary and programs, when the projection kept that year then. Empty: the history must be folded (nothing was
     * known of the institution then, or that year was not kept).
     */
    private Optional<BudgetSnapshot> fromVersions(String institutionId, Integer fiscalYear, Instant asOf) {
        Optional<Integer> shown = versions.at(institutionId, FigureStore.DEFAULT, institutionId, asOf).map(Integer::valueOf);
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        int year = fiscalYear != null ? fiscalYear : shown.get();
        return versions.at(institutionId, FigureStore.SUMMARY, String.valueOf(year), asOf).map(summary -> {
            List<ProgramBudgetView> programs = versions.all(institutionId, FigureStore.programs(year), asOf).stream()
                    .map(detail -> withoutCause.readValue(detail, ProgramBudgetView.class)).toList();
            return new BudgetSnapshot(asOf, year, withoutCause.readValue(summary, SummaryView.class),
                    BudgetLineage.empty(), programs, Map.of());
        });
    }

    /**
     * What a version's detail is read without: a figure computed from the history names no causing event nor its
     * time, so neither does its version — the two answers are the same, field by field.
     */
    @JsonIgnoreProperties({"causationEventId", "effectiveAt"})
    private interface WithoutCause {
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
