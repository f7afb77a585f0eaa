package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;

/**
 * The price of one weekly hour for a year, the share of capacity an allocation represents and the
 * employee's capacity cost. Kept together because the two methods differ only here (DOMAIN.md's table):
 * classic prices every hour at the center's average, payroll(c)/(N(c)×W), which is how the seed's platform
 * reproduces its figures; individual prices the employee's own hours, annualCost(e)/contractedHours(e).
 *
 * <p>Each price belongs to a {@link StaffingSpell} and counts for the share of the year the spell lasted: an
 * allocation's price is Σ over the spells its hours count for of yearShare × price(spell). With no dated change
 * that is one whole-year spell, and the table's formulas as written.
 *
 * <p>An individual spell with no positive contracted hours gets price and share ZERO: none of its cost
 * reaches products, all of it shows as unused capacity, so nothing is lost and nothing divides by zero.
 */
public final class HourPrice {

    private HourPrice() {
    }

    /** The price of one weekly hour worked through a whole year in the conditions of this spell. */
    public static Rational of(CostingIndex index, StaffingSpell s) {
        return switch (index.method()) {
            case CLASSIC -> {
                CenterCapacity c = index.capacity(s.centerId());
                yield c.capacityHours().signum() > 0 ? c.payroll().dividedBy(c.capacityHours()) : Rational.ZERO;
            }
            case INDIVIDUAL -> {
                Rational contracted = index.contractedHours(s);
                yield contracted.signum() > 0 ? s.annualCost().dividedBy(contracted) : Rational.ZERO;
            }
        };
    }

    /** What one weekly hour of this allocation costs over the fiscal year: Σ yearShare × price over its spells. */
    public static Rational of(CostingIndex index, AllocationInput a) {
        Rational price = Rational.ZERO;
        for (StaffingSpell s : index.spellsOf(a)) {
            price = price.plus(of(index, s).times(s.yearShare()));
        }
        return price;
    }

    /** The price of one weekly hour worked through all of the employee's time in the year. */
    public static Rational of(CostingIndex index, EmployeeInput e) {
        Rational price = Rational.ZERO;
        for (StaffingSpell s : e.spells()) {
            price = price.plus(of(index, s).times(s.yearShare()));
        }
        return price;
    }

    /**
     * The seed's "%" column. Classic: the share of the center's capacity, hours/(N(c)×W), for the time the
     * hours count; individual: the share of the employee's own contracted time, hours/contractedHours(e),
     * averaged over the employee's time in the year.
     */
    public static Rational share(CostingIndex index, AllocationInput a) {
        Rational share = Rational.ZERO;
        for (StaffingSpell s : index.spellsOf(a)) {
            Rational denominator = switch (index.method()) {
                case CLASSIC -> index.capacity(s.centerId()).capacityHours();
                case INDIVIDUAL -> index.contractedHours(s);
            };
            if (denominator.signum() > 0) {
                share = share.plus(a.hours().times(s.yearShare()).dividedBy(denominator));
            }
        }
        return switch (index.method()) {
            case CLASSIC -> share;
            case INDIVIDUAL -> share.dividedBy(index.employee(a.employeeId()).yearShare());
        };
    }

    /** Classic: payroll(c)/N(c), the average the hour price assumes; individual: the employee's own cost. */
    public static Rational capacityCost(CostingIndex index, EmployeeInput e) {
        Rational capacity = Rational.ZERO;
        for (StaffingSpell s : e.spells()) {
            capacity = capacity.plus(switch (index.method()) {
                case CLASSIC -> {
                    CenterCapacity c = index.capacity(s.centerId());
                    yield c.payroll().times(s.yearShare()).dividedBy(c.staffYears());
                }
                case INDIVIDUAL -> s.cost();
            });
        }
        return capacity;
    }

    /** labour(e,p) = hours(e,p) × price. */
    public static Rational labour(CostingIndex index, AllocationInput a) {
        return a.hours().times(of(index, a));
    }

    /** The part of an allocation's labour spent in one center (a transferred employee's hours count in each). */
    public static Rational labourIn(CostingIndex index, AllocationInput a, String centerId) {
        Rational labour = Rational.ZERO;
        for (StaffingSpell s : index.spellsOf(a)) {
            if (s.centerId().equals(centerId)) {
                labour = labour.plus(a.hours().times(s.yearShare()).times(of(index, s)));
            }
        }
        return labour;
    }
}
