package org.ppi.budget.rules;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/** Divides every terminal product between the programs that deliver it, and sums each program's parts. */
public final class ProgramBudgeting {

    private ProgramBudgeting() {
    }

    /** One {@link ProductDivision} per product that costing has a terminal cost for or that a program lists. */
    public static SortedMap<String, ProductDivision> divisions(BudgetInput input) {
        SortedMap<String, Map<String, Rational>> deliveredBy = new TreeMap<>();
        input.terminals().keySet().forEach(productId -> deliveredBy.put(productId, new TreeMap<>()));
        input.programs().forEach((programId, program) -> {
            for (String productId : program.terminalProductIds()) {
                deliveredBy.computeIfAbsent(productId, k -> new TreeMap<>())
                        .put(programId, program.plannedVolume().get(productId));
            }
        });
        SortedMap<String, ProductDivision> divisions = new TreeMap<>();
        deliveredBy.forEach((productId, planned) -> divisions.put(productId, ProductDivision.of(productId,
                input.terminals().get(productId), planned, input.sharesOf(productId),
                input.centralProducts().contains(productId))));
        return divisions;
    }

    public static ProgramBudget of(BudgetInput input, String programId, Map<String, ProductDivision> divisions) {
        ProgramInput program = input.programs().get(programId);
        if (program == null) {
            throw new IllegalArgumentException("unknown program " + programId);
        }
        SortedMap<String, ProductContribution> contributions = new TreeMap<>();
        Rational budget = Rational.ZERO;
        Rational costShare = Rational.ZERO;
        Rational beyond = Rational.ZERO;
        for (String productId : program.terminalProductIds()) {
            ProductContribution c = divisions.get(productId).contributions().get(programId);
            contributions.put(productId, c);
            budget = budget.plus(c.amount());
            costShare = costShare.plus(c.costShare());
            beyond = beyond.plus(c.plannedBeyond());
        }
        return new ProgramBudget(programId, program.code(), program.name(), budget, costShare, beyond, contributions);
    }
}
