package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;

/**
 * Non-labour cost follows time: an allocation takes nonLabour(c) × hours / capacityHours(c) of the center of
 * each spell its hours count for, weighed by the spell's share of the year. Using the same capacity hours as
 * the hour price keeps labour and non-labour in proportion, so a center's unallocated non-labour is exactly
 * its unused time. A center with no capacity hours allocates nothing (its non-labour stays unused rather than
 * dividing by zero).
 */
public final class NonLabourAllocation {

    private NonLabourAllocation() {
    }

    public static Rational of(CostingIndex index, AllocationInput a) {
        Rational total = Rational.ZERO;
        for (StaffingSpell s : index.spellsOf(a)) {
            total = total.plus(ofCenter(index, s.centerId(), a.hours().times(s.yearShare())));
        }
        return total;
    }

    /** Non-labour of {@code centerId} carried by {@code hours} (weekly, averaged over the year) of its staff's time. */
    public static Rational ofCenter(CostingIndex index, String centerId, Rational hours) {
        Rational nonLabour = index.nonLabour(centerId);
        Rational capacity = index.capacity(centerId).capacityHours();
        if (nonLabour.isZero() || capacity.signum() <= 0) {
            return Rational.ZERO;
        }
        return nonLabour.times(hours).dividedBy(capacity);
    }
}
