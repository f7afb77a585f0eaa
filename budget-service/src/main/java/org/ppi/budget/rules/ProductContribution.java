package org.ppi.budget.rules;

import org.ppi.contracts.money.Rational;

/**
 * What one terminal product adds to one program's budget, and why ({@link Basis}). {@code fullCost},
 * {@code volume} and {@code plannedVolume} are the inputs as given (null when absent); {@code sharedBy} is
 * the number of programs that list the product.
 */
public record ProductContribution(String productId, Rational fullCost, Rational volume, Rational plannedVolume,
                                  int sharedBy, Basis basis, Rational amount) {

    /** How the amount was obtained. */
    public enum Basis {
        /** No planned volume: the product's full cost, divided equally when several programs list it. */
        FULL_COST,
        /** fullCost × planned / volume. */
        PLANNED_VOLUME,
        /** A planned volume was given but the product's volume is unknown or zero: treated as FULL_COST, flagged. */
        VOLUME_GAP,
        /** The program lists a product costing has no terminal full cost for (retired, or not terminal): zero, flagged. */
        MISSING_COST
    }

    public boolean volumeGap() {
        return basis == Basis.VOLUME_GAP;
    }

    public boolean missingCost() {
        return basis == Basis.MISSING_COST;
    }
}
