package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;

/**
 * The price of one weekly hour for a year, the share of capacity an allocation represents and the
 * employee's capacity cost. Kept together because the two methods differ only here (DOMAIN.md's table):
 * classic prices every hour at the center's average, payroll(c)/(N(c)×W), which is how the seed's platform
 * reproduces its figures; individual prices the employee's own hours, annualCost(e)/contractedHours(e).
 *
 * <p>An individual employee with no positive contracted hours gets price and share ZERO: none of their cost
 * reaches products, all of it shows as unused capacity, so nothing is lost and nothing divides by zero.
 */
public final class HourPrice {

    private HourPrice() {
    }

    public static Rational of(CostingIndex index, EmployeeInput e) {
        return switch (index.method()) {
            case CLASSIC -> {
                CenterCapacity c = index.capacity(e.centerId());
                yield c.payroll().dividedBy(c.capacityHours());
            }
            case INDIVIDUAL -> {
                Rational contracted = index.contractedHours(e);
                yield contracted.signum() > 0 ? e.annualCost().dividedBy(contracted) : Rational.ZERO;
            }
        };
    }

    /** The seed's "%" column: classic hours/(N(c)×W), individual hours/contractedHours(e). */
    public static Rational share(CostingIndex index, EmployeeInput e, Rational hours) {
        Rational denominator = switch (index.method()) {
            case CLASSIC -> index.capacity(e.centerId()).capacityHours();
            case INDIVIDUAL -> index.contractedHours(e);
        };
        return denominator.signum() > 0 ? hours.dividedBy(denominator) : Rational.ZERO;
    }

    /** Classic: payroll(c)/N(c), the average the hour price assumes; individual: the employee's own cost. */
    public static Rational capacityCost(CostingIndex index, EmployeeInput e) {
        return switch (index.method()) {
            case CLASSIC -> {
                CenterCapacity c = index.capacity(e.centerId());
                yield c.payroll().dividedBy(Rational.of(c.headcount()));
            }
            case INDIVIDUAL -> e.annualCost();
        };
    }

    /** labour(e,p) = hours(e,p) × price(e). */
    public static Rational labour(CostingIndex index, EmployeeInput e, Rational hours) {
        return hours.times(of(index, e));
    }
}
