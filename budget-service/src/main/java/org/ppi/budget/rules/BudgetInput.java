package org.ppi.budget.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ppi.contracts.money.Rational;

/**
 * Everything a fiscal year's budget is built from, as published by costing and value-chain: terminal
 * products' full costs and volumes, the programs, and the two lines that belong to no product (central
 * actions = unattributed intermediate cost; unused capacity). Null amounts are ZERO.
 *
 * <p>{@code shares}: product → program → the share (0..1) recorded for the year, used where planned volumes do
 * not divide a product between the programs that deliver it. {@code centralProducts}: terminal products that a
 * central activity produces; their cost is central actions, not a program's. {@code apnop}: the year's budget
 * allocations that result in no product, kept apart from the reconciliation with cost.
 */
public record BudgetInput(int fiscalYear, Map<String, TerminalCost> terminals, Map<String, ProgramInput> programs,
                          Rational centralActions, Rational unusedCapacity, Map<String, Map<String, Rational>> shares,
                          Set<String> centralProducts, Map<String, ApnopLine> apnop) {
    public BudgetInput {
        terminals = terminals == null ? Map.of() : Map.copyOf(terminals);
        programs = programs == null ? Map.of() : Map.copyOf(programs);
        centralActions = centralActions == null ? Rational.ZERO : centralActions;
        unusedCapacity = unusedCapacity == null ? Rational.ZERO : unusedCapacity;
        Map<String, Map<String, Rational>> copied = new HashMap<>();
        if (shares != null) {
            shares.forEach((productId, byProgram) -> {
                Map<String, Rational> kept = new HashMap<>();
                byProgram.forEach((programId, share) -> {
                    if (share != null) {
                        if (share.signum() < 0 || share.compareTo(Rational.ONE) > 0) {
                            throw new IllegalArgumentException("share outside 0..1 for " + productId + "/" + programId);
                        }
                        kept.put(programId, share);
                    }
                });
                copied.put(productId, Map.copyOf(kept));
            });
        }
        shares = Map.copyOf(copied);
        centralProducts = centralProducts == null ? Set.of() : Set.copyOf(centralProducts);
        apnop = apnop == null ? Map.of() : Map.copyOf(apnop);
    }

    public BudgetInput(int fiscalYear, Map<String, TerminalCost> terminals, Map<String, ProgramInput> programs,
                       Rational centralActions, Rational unusedCapacity) {
        this(fiscalYear, terminals, programs, centralActions, unusedCapacity, Map.of(), Set.of(), Map.of());
    }

    /** The recorded shares of one product, by program (empty when none). */
    public Map<String, Rational> sharesOf(String productId) {
        return shares.getOrDefault(productId, Map.of());
    }
}
