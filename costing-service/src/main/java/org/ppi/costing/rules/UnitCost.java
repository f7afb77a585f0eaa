package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;

/**
 * cost / volume, unless the volume is unknown or not positive: then there is no unit cost and the product
 * is a volume gap. The seed's platform showed "Infinity" for a volume of 0; here the figure is simply
 * absent (null) and flagged, so a gap can never leak into a sum.
 */
public final class UnitCost {

    private UnitCost() {
    }

    public static boolean isVolumeGap(Rational volume) {
        return volume == null || volume.signum() <= 0;
    }

    /** The unit cost, or null for a volume gap. */
    public static Rational of(Rational cost, Rational volume) {
        return isVolumeGap(volume) ? null : cost.dividedBy(volume);
    }
}
