package org.ppi.budget.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ppi.budget.figures.ProgramBudgetView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.budget.state.BudgetLineage;

/**
 * An institution's budget for one fiscal year at one moment — now (the read models) or as of a past time
 * (folded from the event log) — with the events behind each figure. {@code summary} null: nothing is known
 * about the institution (at that time).
 */
record BudgetSnapshot(Instant asOf, int fiscalYear, SummaryView summary, BudgetLineage summaryLineage,
                      List<ProgramBudgetView> programs, Map<String, BudgetLineage> lineage) {

    boolean known() {
        return summary != null;
    }
}
