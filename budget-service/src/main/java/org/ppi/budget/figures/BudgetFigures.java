package org.ppi.budget.figures;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ppi.budget.rules.BudgetResult;
import org.ppi.budget.rules.BudgetRules;
import org.ppi.budget.rules.ProgramBudget;
import org.ppi.budget.state.BudgetState;

/**
 * The budget of every fiscal year in play for one institution: each year with a planned volume, and the
 * default year (the latest planned one, else the current year). Pure: the same state and current year give
 * the same figures, which is what lets the projection diff them and as-of queries recompute them.
 */
public record BudgetFigures(int defaultYear, SortedMap<Integer, YearFigures> years) {

    public BudgetFigures {
        years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
    }

    public static BudgetFigures empty() {
        return new BudgetFigures(0, new TreeMap<>());
    }

    public static BudgetFigures of(BudgetState state) {
        int defaultYear = state.defaultYear();
        SortedMap<Integer, YearFigures> years = new TreeMap<>();
        for (int year : state.fiscalYears()) {
            years.put(year, year(state, year, year == defaultYear));
        }
        return new BudgetFigures(defaultYear, years);
    }

    /** One year's figures; also what answers a year the projection does not keep (no plan for it). */
    public static YearFigures year(BudgetState state, int fiscalYear, boolean defaultYear) {
        BudgetResult result = BudgetRules.compute(state.toInput(fiscalYear));
        SortedMap<String, ProgramFigure> programs = new TreeMap<>();
        for (ProgramBudget budget : result.programs().values()) {
            programs.put(budget.programId(), new ProgramFigure(Views.program(state, budget, fiscalYear),
                    state.programLineage(budget.programId(), fiscalYear), budget));
        }
        return new YearFigures(result, Views.summary(state, result, defaultYear), state.summaryLineage(fiscalYear),
                programs);
    }
}
