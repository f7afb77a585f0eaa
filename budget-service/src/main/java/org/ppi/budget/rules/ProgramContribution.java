package org.ppi.budget.rules;

import org.ppi.contracts.money.Rational;

/**
 * One terminal product's contribution to one program (DOMAIN.md): fullCost(t) × planned(t) / volume(t) when
 * the program plans a volume and the product's volume is known and positive, else fullCost(t).
 *
 * <p>A product listed by several programs: without a planned volume its full cost is split equally between
 * them, so that the programs still add up to the product's cost and the budget reconciles with costing
 * (listing a product twice must not budget it twice). With a planned volume no split is applied: the planned
 * volume is already that program's part of the production (two programs planning 30 and 70 of a product
 * whose volume is 100 get 30 % and 70 % of its cost). A planned volume that cannot be scaled (volume
 * unknown or zero) falls back to the unplanned rule, equal split included, and is flagged.
 */
public final class ProgramContribution {

    private ProgramContribution() {
    }

    /**
     * @param cost     the product's terminal cost, null when costing has none
     * @param planned  the program's planned volume for the product, null when not planned
     * @param sharedBy how many programs list the product (at least 1)
     */
    public static ProductContribution of(String productId, TerminalCost cost, Rational planned, int sharedBy) {
        if (cost == null) {
            return new ProductContribution(productId, null, null, planned, sharedBy,
                    ProductContribution.Basis.MISSING_COST, Rational.ZERO);
        }
        Rational volume = cost.volume();
        boolean volumeKnown = volume != null && volume.signum() > 0;
        if (planned != null && volumeKnown) {
            return new ProductContribution(productId, cost.fullCost(), volume, planned, sharedBy,
                    ProductContribution.Basis.PLANNED_VOLUME, cost.fullCost().times(planned).dividedBy(volume));
        }
        ProductContribution.Basis basis = planned != null
                ? ProductContribution.Basis.VOLUME_GAP : ProductContribution.Basis.FULL_COST;
        return new ProductContribution(productId, cost.fullCost(), volume, planned, sharedBy, basis,
                cost.fullCost().dividedBy(Rational.of(Math.max(1, sharedBy))));
    }
}
