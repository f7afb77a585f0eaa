package org.ppi.budget.rules;

import java.util.Map;
import org.ppi.contracts.money.Rational;

/**
 * Everything a fiscal year's budget is built from, as published by costing and value-chain: terminal
 * products' full costs and volumes, the programs, and the two lines that belong to no product (central
 * actions = unattributed intermediate cost; unused capacity). Null amounts are ZERO.
 */
public record BudgetInput(int fiscalYear, Map<String, TerminalCost> terminals, Map<String, ProgramInput> programs,
                          Rational centralActions, Rational unusedCapacity) {
    public BudgetInput {
        terminals = terminals == null ? Map.of() : Map.copyOf(terminals);
        programs = programs == null ? Map.of() : Map.copyOf(programs);
        centralActions = centralActions == null ? Rational.ZERO : centralActions;
        unusedCapacity = unusedCapacity == null ? Rational.ZERO : unusedCapacity;
    }
}
