package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;

/**
 * What a center can give over the fiscal year: its payroll, head count, staff-years and capacity hours, and the
 * hours its staff recorded, each spell weighed by the share of the year it lasted (an employee who joined on
 * 1 July counts for 184/365 of a person, cost and week). The two methods disagree on capacity hours
 * (DOMAIN.md): classic counts every staff-year as a full standard week, N(c)×W, the seed's denominator;
 * individual adds the hours each spell is actually contracted for. Non-positive contracted hours add nothing:
 * a contract of no hours cannot absorb cost. Hours are weekly hours averaged over the year.
 */
public record CenterCapacity(String centerId, Rational payroll, int headcount, Rational staffYears,
                             Rational capacityHours, Rational allocatedHours) {

    public static CenterCapacity of(CostingIndex index, String centerId) {
        Rational payroll = Rational.ZERO;
        Rational staffYears = Rational.ZERO;
        Rational contracted = Rational.ZERO;
        Rational allocated = Rational.ZERO;
        int headcount = 0;
        for (EmployeeInput e : index.employeesOfCenter(centerId)) {
            headcount++;
            for (StaffingSpell s : e.spells()) {
                if (s.centerId().equals(centerId)) {
                    payroll = payroll.plus(s.cost());
                    staffYears = staffYears.plus(s.yearShare());
                    Rational hours = index.contractedHours(s);
                    if (hours.signum() > 0) {
                        contracted = contracted.plus(hours.times(s.yearShare()));
                    }
                }
            }
            for (AllocationInput a : index.allocationsOfEmployee(e.employeeId())) {
                for (StaffingSpell s : index.spellsOf(a)) {
                    if (s.centerId().equals(centerId)) {
                        allocated = allocated.plus(a.hours().times(s.yearShare()));
                    }
                }
            }
        }
        Rational capacityHours = switch (index.method()) {
            case CLASSIC -> staffYears.times(index.weeklyHours());
            case INDIVIDUAL -> contracted;
        };
        return new CenterCapacity(centerId, payroll, headcount, staffYears, capacityHours, allocated);
    }

    public boolean overAllocated() {
        return allocatedHours.compareTo(capacityHours) > 0;
    }
}
