package org.ppi.budget.rules;

import org.ppi.contracts.money.Rational;

/**
 * What one terminal product adds to one program's budget, and why ({@link Basis}). {@code fullCost},
 * {@code volume} and {@code plannedVolume} are the inputs as given (null when absent); {@code sharedBy} is
 * the number of programs that deliver the product.
 *
 * <p>{@code share} is the fraction of the product's measured cost the program takes ({@code costShare} =
 * fullCost × share, inside the reconciliation with cost); {@code plannedBeyond} is what its planned volume asks
 * beyond the measured production (outside the reconciliation); {@code amount} = costShare + plannedBeyond is
 * what the program budgets for the product.
 */
public record ProductContribution(String productId, Rational fullCost, Rational volume, Rational plannedVolume,
                                  int sharedBy, Basis basis, Rational share, Rational costShare,
                                  Rational plannedBeyond, Rational amount) {

    /** How the amount was obtained. */
    public enum Basis {
        /** No planned volume nor recorded share: the product's cost (what planned volumes leave), divided equally. */
        FULL_COST,
        /** fullCost × planned / volume: the program's own part of the production, as planned. */
        PLANNED_VOLUME,
        /** The share recorded for the program (ProgramShareSet), of what planned volumes leave. */
        RECORDED_SHARE,
        /** A planned volume was given but the product's volume is unknown or zero: treated as not planned, flagged. */
        VOLUME_GAP,
        /** The program lists a product costing has no terminal full cost for (retired, or not terminal): zero, flagged. */
        MISSING_COST,
        /** A central activity produces the product: its cost is central actions, so the program takes none, flagged. */
        CENTRAL
    }

    public static ProductContribution nothing(String productId, Rational fullCost, Rational volume, Rational planned,
                                              int sharedBy, Basis basis) {
        return new ProductContribution(productId, fullCost, volume, planned, sharedBy, basis, Rational.ZERO,
                Rational.ZERO, Rational.ZERO, Rational.ZERO);
    }

    public boolean volumeGap() {
        return basis == Basis.VOLUME_GAP;
    }

    public boolean missingCost() {
        return basis == Basis.MISSING_COST;
    }
}
