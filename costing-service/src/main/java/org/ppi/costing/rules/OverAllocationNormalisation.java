package org.ppi.costing.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ppi.contracts.money.Rational;

/**
 * DOMAIN.md's remedy for over-allocation: an employee whose recorded weekly hours add up to more than the
 * contracted hours has each allocation scaled by contracted / recorded, so the hours keep their proportions
 * and add up exactly to the contract (and the employee's cost to their capacity). Employees within their
 * contract are untouched. It is a view of the data, never a change of what the interview recorded.
 *
 * <p>With staffing spells the test is made in each spell the hours count for, and an allocation takes the
 * tightest factor among them, so no spell stays over its contract (a 40 h week reduced to 20 h from July
 * scales the interview's 30 h to 20 h for the whole time they count).
 */
public final class OverAllocationNormalisation {
    private OverAllocationNormalisation() {
    }

    public static CostingInput apply(CostingInput input) {
        CostingIndex index = CostingIndex.of(input);
        Map<String, Map<StaffingSpell, Rational>> load = new HashMap<>();
        for (AllocationInput a : input.allocations()) {
            for (StaffingSpell s : index.spellsOf(a)) {
                load.computeIfAbsent(a.employeeId(), k -> new HashMap<>()).merge(s, a.hours(), Rational::plus);
            }
        }
        List<AllocationInput> scaled = new ArrayList<>(input.allocations().size());
        for (AllocationInput a : input.allocations()) {
            Rational factor = Rational.ONE;
            for (StaffingSpell s : index.spellsOf(a)) {
                Rational recorded = load.get(a.employeeId()).get(s);
                Rational contracted = index.contractedHours(s);
                if (recorded.compareTo(contracted) > 0) {
                    Rational spellFactor = contracted.dividedBy(recorded);
                    if (spellFactor.compareTo(factor) < 0) {
                        factor = spellFactor;
                    }
                }
            }
            scaled.add(factor.equals(Rational.ONE) ? a
                    : new AllocationInput(a.employeeId(), a.productId(), a.hours().times(factor), a.centerId()));
        }
        return new CostingInput(input.weeklyHours(), input.method(), input.centers(), input.employees(), input.products(),
                scaled, input.links());
    }
}
