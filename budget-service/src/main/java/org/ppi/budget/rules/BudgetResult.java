package org.ppi.budget.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * A fiscal year's budget. The reconciled lines — programs' parts of the measured cost ({@code programsTotal}),
 * central actions (costing's unattributed intermediate cost plus the terminal products central activities
 * produce, {@code centralProducts}), unassigned terminal production, unused capacity — add up to {@code total},
 * which always equals {@code costBase}, what costing says the institution spends ({@link #reconcilesWithCost()}).
 *
 * <p>Kept apart: {@code plannedBeyond}, what planned volumes ask beyond current production (Σ programs' budgets
 * = programsTotal + plannedBeyond), and {@code apnopTotal}, the allocations that result in no product.
 * {@code budgetTotal} = total + plannedBeyond + apnopTotal is the budget's grand total.
 * {@code roundingResidue} (cents) = round(total) − Σ rounded reconciled lines, shown rather than hidden.
 */
public record BudgetResult(int fiscalYear, SortedMap<String, ProgramBudget> programs, Rational programsTotal,
                           Rational centralActions, SortedMap<String, Rational> centralProducts,
                           Rational unassignedTerminals, SortedMap<String, Rational> unassignedByProduct,
                           Rational unusedCapacity, Rational total, Rational costBase, BigDecimal roundingResidue,
                           Rational plannedBeyond, SortedMap<String, ApnopLine> apnop, Rational apnopTotal,
                           Rational budgetTotal) {

    public BudgetResult {
        programs = Collections.unmodifiableSortedMap(new TreeMap<>(programs));
        centralProducts = Collections.unmodifiableSortedMap(new TreeMap<>(centralProducts));
        unassignedByProduct = Collections.unmodifiableSortedMap(new TreeMap<>(unassignedByProduct));
        apnop = Collections.unmodifiableSortedMap(new TreeMap<>(apnop));
    }

    public ProgramBudget program(String programId) {
        ProgramBudget p = programs.get(programId);
        if (p == null) {
            throw new IllegalArgumentException("no budget for program " + programId);
        }
        return p;
    }

    /** Exact: the reconciled lines add up to the cost of production, whatever is planned or shared. */
    public boolean reconcilesWithCost() {
        return total.equals(costBase);
    }
}
