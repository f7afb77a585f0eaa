package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;

/**
 * What a center can give: its payroll, head count and capacity hours, and the hours its staff recorded.
 * The two methods disagree on capacity hours (DOMAIN.md): classic counts every employee as a full standard
 * week N(c)×W, the seed's denominator; individual adds the hours each employee is actually contracted for.
 * Non-positive contracted hours add nothing: a contract of no hours cannot absorb cost.
 */
public record CenterCapacity(String centerId, Rational payroll, int headcount, Rational capacityHours,
                             Rational allocatedHours) {

    public static CenterCapacity of(CostingIndex index, String centerId) {
        Rational payroll = Rational.ZERO;
        Rational contracted = Rational.ZERO;
        Rational allocated = Rational.ZERO;
        int headcount = 0;
        for (EmployeeInput e : index.employeesOfCenter(centerId)) {
            headcount++;
            payroll = payroll.plus(e.annualCost());
            Rational hours = index.contractedHours(e);
            if (hours.signum() > 0) {
                contracted = contracted.plus(hours);
            }
            for (AllocationInput a : index.allocationsOfEmployee(e.employeeId())) {
                allocated = allocated.plus(a.hours());
            }
        }
        Rational capacityHours = switch (index.method()) {
            case CLASSIC -> Rational.of(headcount).times(index.weeklyHours());
            case INDIVIDUAL -> contracted;
        };
        return new CenterCapacity(centerId, payroll, headcount, capacityHours, allocated);
    }

    public boolean overAllocated() {
        return allocatedHours.compareTo(capacityHours) > 0;
    }
}
