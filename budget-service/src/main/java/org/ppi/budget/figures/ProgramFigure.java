package org.ppi.budget.figures;

import org.ppi.budget.rules.ProgramBudget;
import org.ppi.budget.state.BudgetLineage;

/** One program's budget for one year: its view (without cause), the events behind it, and the exact result. */
public record ProgramFigure(ProgramBudgetView view, BudgetLineage lineage, ProgramBudget budget) {
}
