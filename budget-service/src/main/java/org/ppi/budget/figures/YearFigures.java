package org.ppi.budget.figures;

import java.util.SortedMap;

import org.ppi.budget.rules.BudgetResult;
import org.ppi.budget.state.BudgetLineage;

/** A fiscal year's budget: the exact result, the summary and each program, each with its lineage. */
public record YearFigures(BudgetResult result, SummaryView summary, BudgetLineage summaryLineage,
                          SortedMap<String, ProgramFigure> programs) {
}
