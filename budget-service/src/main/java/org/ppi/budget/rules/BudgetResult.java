package org.ppi.budget.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * A fiscal year's budget: program lines, central actions, unassigned terminals, unused capacity and their
 * exact {@code total}. {@code costBase} is what costing says the institution spends (Σ terminal full cost +
 * central actions + unused); with no planned volume the total equals it ({@link #reconcilesWithCost()}).
 * {@code roundingResidue} (cents) = round(total) − Σ rounded lines, shown rather than hidden.
 */
public record BudgetResult(int fiscalYear, SortedMap<String, ProgramBudget> programs, Rational programsTotal,
                           Rational centralActions, Rational unassignedTerminals,
                           SortedMap<String, Rational> unassignedByProduct, Rational unusedCapacity,
                           Rational total, Rational costBase, BigDecimal roundingResidue) {

    public BudgetResult {
        programs = Collections.unmodifiableSortedMap(new TreeMap<>(programs));
        unassignedByProduct = Collections.unmodifiableSortedMap(new TreeMap<>(unassignedByProduct));
    }

    public ProgramBudget program(String programId) {
        ProgramBudget p = programs.get(programId);
        if (p == null) {
            throw new IllegalArgumentException("no budget for program " + programId);
        }
        return p;
    }

    /** Exact; planned volumes are a forecast, so once they scale a product the total may differ from the cost base. */
    public boolean reconcilesWithCost() {
        return total.equals(costBase);
    }
}
