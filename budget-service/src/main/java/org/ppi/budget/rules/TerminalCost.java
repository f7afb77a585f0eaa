package org.ppi.budget.rules;

import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * A terminal product's full cost and its yearly volume as costing published them. {@code volume} null =
 * unknown: the product can still be budgeted at its full cost, but not scaled to a planned volume.
 */
public record TerminalCost(Rational fullCost, Rational volume) {
    public TerminalCost {
        Objects.requireNonNull(fullCost, "fullCost");
    }
}
