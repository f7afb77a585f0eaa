package org.ppi.budget.rules;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * DOMAIN.md's programme budget behind one door: published costs in, budget lines out, nothing else read or
 * written. Each terminal product is divided between the programs that deliver it ({@link ProductDivision}:
 * planned volumes, recorded shares, equal parts), so that Σ programs' parts + central actions + unassigned
 * terminals + unused = the institution's cost exactly, in every case; what plans ask beyond current production
 * and APNOP lines are added apart, to the grand total.
 */
public final class BudgetRules {

    private BudgetRules() {
    }

    public static BudgetResult compute(BudgetInput input) {
        SortedMap<String, ProductDivision> divisions = ProgramBudgeting.divisions(input);
        SortedMap<String, ProgramBudget> programs = new TreeMap<>();
        Rational programsTotal = Rational.ZERO;
        Rational beyond = Rational.ZERO;
        BigDecimal roundedLines = BigDecimal.ZERO;
        for (String programId : input.programs().keySet()) {
            ProgramBudget budget = ProgramBudgeting.of(input, programId, divisions);
            programs.put(programId, budget);
            programsTotal = programsTotal.plus(budget.costShare());
            beyond = beyond.plus(budget.plannedBeyond());
            roundedLines = roundedLines.add(budget.costShare().toCents());
        }
        SortedMap<String, Rational> centralProducts = new TreeMap<>();
        divisions.forEach((productId, division) -> {
            if (!division.central().isZero()) {
                centralProducts.put(productId, division.central());
            }
        });
        Rational centralActions = input.centralActions().plus(sum(centralProducts.values()));
        SortedMap<String, Rational> unassigned = UnassignedTerminals.of(divisions);
        Rational unassignedTotal = sum(unassigned.values());
        Rational total = programsTotal.plus(centralActions).plus(unassignedTotal).plus(input.unusedCapacity());
        Rational costBase = sum(input.terminals().values().stream().map(TerminalCost::fullCost).toList())
                .plus(input.centralActions()).plus(input.unusedCapacity());
        roundedLines = roundedLines.add(centralActions.toCents()).add(unassignedTotal.toCents())
                .add(input.unusedCapacity().toCents());
        Rational apnopTotal = sum(input.apnop().values().stream().map(ApnopLine::amount).toList());
        return new BudgetResult(input.fiscalYear(), programs, programsTotal, centralActions, centralProducts,
                unassignedTotal, unassigned, input.unusedCapacity(), total, costBase,
                total.toCents().subtract(roundedLines), beyond, new TreeMap<>(input.apnop()), apnopTotal,
                total.plus(beyond).plus(apnopTotal));
    }

    /** One program only, e.g. when costing republished one of its products. */
    public static ProgramBudget programBudget(BudgetInput input, String programId) {
        return ProgramBudgeting.of(input, programId, ProgramBudgeting.divisions(input));
    }

    private static Rational sum(Iterable<Rational> values) {
        Rational total = Rational.ZERO;
        for (Rational value : values) {
            total = total.plus(value);
        }
        return total;
    }
}
