package org.ppi.budget.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * DOMAIN.md's programme budget behind one door: published costs in, budget lines out, nothing else read or
 * written. Lines: programs (see {@link ProgramContribution} for planned volumes and products listed by several
 * programs), central actions, unassigned terminals, unused capacity; so that with no planned volumes
 * Σ lines = the institution's total cost.
 */
public final class BudgetRules {

    private BudgetRules() {
    }

    public static BudgetResult compute(BudgetInput input) {
        Map<String, Integer> perProduct = ProgramBudgeting.programsPerProduct(input);
        SortedMap<String, ProgramBudget> programs = new TreeMap<>();
        Rational programsTotal = Rational.ZERO;
        BigDecimal roundedLines = BigDecimal.ZERO;
        for (String programId : input.programs().keySet()) {
            ProgramBudget budget = ProgramBudgeting.of(input, programId, perProduct);
            programs.put(programId, budget);
            programsTotal = programsTotal.plus(budget.budget());
            roundedLines = roundedLines.add(budget.budget().toCents());
        }
        SortedMap<String, Rational> unassigned = UnassignedTerminals.of(input, perProduct);
        Rational unassignedTotal = sum(unassigned.values());
        Rational total = programsTotal.plus(input.centralActions()).plus(unassignedTotal).plus(input.unusedCapacity());
        Rational costBase = sum(input.terminals().values().stream().map(TerminalCost::fullCost).toList())
                .plus(input.centralActions()).plus(input.unusedCapacity());
        roundedLines = roundedLines.add(input.centralActions().toCents()).add(unassignedTotal.toCents())
                .add(input.unusedCapacity().toCents());
        return new BudgetResult(input.fiscalYear(), programs, programsTotal, input.centralActions(), unassignedTotal,
                unassigned, input.unusedCapacity(), total, costBase, total.toCents().subtract(roundedLines));
    }

    /** One program only, e.g. when costing republished one of its products. */
    public static ProgramBudget programBudget(BudgetInput input, String programId) {
        return ProgramBudgeting.of(input, programId, ProgramBudgeting.programsPerProduct(input));
    }

    private static Rational sum(Iterable<Rational> values) {
        Rational total = Rational.ZERO;
        for (Rational value : values) {
            total = total.plus(value);
        }
        return total;
    }
}
