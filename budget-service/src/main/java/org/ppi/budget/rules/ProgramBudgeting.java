package org.ppi.budget.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/** A program's budget: the sum of {@link ProgramContribution}s of the terminal products it lists. */
public final class ProgramBudgeting {

    private ProgramBudgeting() {
    }

    /** How many programs list each product: the divisor of the equal split. */
    public static Map<String, Integer> programsPerProduct(BudgetInput input) {
        Map<String, Integer> count = new HashMap<>();
        for (ProgramInput program : input.programs().values()) {
            for (String productId : program.terminalProductIds()) {
                count.merge(productId, 1, Integer::sum);
            }
        }
        return count;
    }

    public static ProgramBudget of(BudgetInput input, String programId, Map<String, Integer> programsPerProduct) {
        ProgramInput program = input.programs().get(programId);
        if (program == null) {
            throw new IllegalArgumentException("unknown program " + programId);
        }
        Map<String, ProductContribution> contributions = new TreeMap<>();
        Rational budget = Rational.ZERO;
        for (String productId : program.terminalProductIds()) {
            ProductContribution c = ProgramContribution.of(productId, input.terminals().get(productId),
                    program.plannedVolume().get(productId), programsPerProduct.getOrDefault(productId, 1));
            contributions.put(productId, c);
            budget = budget.plus(c.amount());
        }
        return new ProgramBudget(programId, program.code(), program.name(), budget, new TreeMap<>(contributions));
    }
}
