package org.ppi.budget.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * How one terminal product's cost is divided between the programs that deliver it (DOMAIN.md "Full cost,
 * programs and budget"), so that the parts always add up to the product's cost exactly:
 * <ol>
 *   <li>A product a central activity produces: all of it to central actions.</li>
 *   <li>Programs with a planned volume (and a known, positive measured volume V) take planned / V of the cost
 *       each; when together they plan more than V, the measured cost is divided in proportion to their plans
 *       and the excess, fullCost × (Σ planned − V) / V, is "planned beyond current production": part of their
 *       budget, outside the reconciliation with cost.</li>
 *   <li>What plans leave, r = max(0, 1 − Σ planned / V), goes to the other programs: a program with a recorded
 *       share takes r × share; the rest of r is divided equally among those without one. Recorded shares above
 *       1 in total (never accepted by value-chain) are scaled down to 1.</li>
 *   <li>Whatever no program takes (plans below V and no other program; shares that sum to less than 1 with no
 *       unshared program; no program at all) stays on the product's unassigned line.</li>
 * </ol>
 *
 * @param contributions by program id
 * @param unassigned    the part of the cost no program takes
 * @param central       the part that is central actions
 */
public record ProductDivision(String productId, SortedMap<String, ProductContribution> contributions,
                              Rational unassigned, Rational central) {

    public ProductDivision {
        contributions = Collections.unmodifiableSortedMap(new TreeMap<>(contributions));
    }

    /**
     * @param cost    the product's terminal cost, null when costing has none
     * @param planned program id → its planned volume for the year (null value = not planned), for every program
     *                that delivers the product
     * @param shares  program id → recorded share; shares of programs that do not deliver the product are ignored
     */
    public static ProductDivision of(String productId, TerminalCost cost, Map<String, Rational> planned,
                                     Map<String, Rational> shares, boolean central) {
        SortedMap<String, Rational> programs = new TreeMap<>();
        planned.forEach(programs::put);
        int n = programs.size();
        SortedMap<String, ProductContribution> out = new TreeMap<>();
        if (cost == null) {
            programs.forEach((id, plan) -> out.put(id, ProductContribution.nothing(productId, null, null, plan, n,
                    ProductContribution.Basis.MISSING_COST)));
            return new ProductDivision(productId, out, Rational.ZERO, Rational.ZERO);
        }
        Rational fullCost = cost.fullCost();
        Rational volume = cost.volume();
        if (central) {
            programs.forEach((id, plan) -> out.put(id, ProductContribution.nothing(productId, fullCost, volume, plan, n,
                    ProductContribution.Basis.CENTRAL)));
            return new ProductDivision(productId, out, Rational.ZERO, fullCost);
        }
        boolean volumeKnown = volume != null && volume.signum() > 0;
        Rational plannedTotal = Rational.ZERO;
        List<String> planning = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, Rational> e : programs.entrySet()) {
            if (e.getValue() != null && volumeKnown) {
                planning.add(e.getKey());
                plannedTotal = plannedTotal.plus(e.getValue());
            } else {
                others.add(e.getKey());
            }
        }
        Rational taken = Rational.ZERO;
        // measured production divided by plans: by V while they plan no more than it, else by what they plan
        Rational divisor = planning.isEmpty() ? Rational.ONE : plannedTotal.compareTo(volume) > 0 ? plannedTotal : volume;
        for (String id : planning) {
            Rational plan = programs.get(id);
            Rational share = plan.dividedBy(divisor);
            Rational costShare = fullCost.times(share);
            Rational amount = fullCost.times(plan).dividedBy(volume);
            out.put(id, new ProductContribution(productId, fullCost, volume, plan, n,
                    ProductContribution.Basis.PLANNED_VOLUME, share, costShare, amount.minus(costShare), amount));
            taken = taken.plus(share);
        }
        Rational rest = Rational.ONE.minus(taken);
        Rational recorded = Rational.ZERO;
        List<String> unshared = new ArrayList<>();
        for (String id : others) {
            Rational s = shares.get(id);
            if (s == null) {
                unshared.add(id);
            } else {
                recorded = recorded.plus(s);
            }
        }
        Rational scale = recorded.compareTo(Rational.ONE) > 0 ? recorded : Rational.ONE;
        Rational equal = unshared.isEmpty() || recorded.compareTo(Rational.ONE) >= 0 ? Rational.ZERO
                : Rational.ONE.minus(recorded).dividedBy(Rational.of(unshared.size()));
        for (String id : others) {
            Rational s = shares.get(id);
            Rational plan = programs.get(id);
            ProductContribution.Basis basis = s != null ? ProductContribution.Basis.RECORDED_SHARE
                    : plan != null ? ProductContribution.Basis.VOLUME_GAP : ProductContribution.Basis.FULL_COST;
            Rational share = rest.times(s != null ? s.dividedBy(scale) : equal);
            Rational costShare = fullCost.times(share);
            out.put(id, new ProductContribution(productId, fullCost, volume, plan, n, basis, share, costShare,
                    Rational.ZERO, costShare));
            taken = taken.plus(share);
        }
        return new ProductDivision(productId, out, fullCost.times(Rational.ONE.minus(taken)), Rational.ZERO);
    }
}
