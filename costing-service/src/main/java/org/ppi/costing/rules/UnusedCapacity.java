package org.ppi.costing.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;

/**
 * Unused capacity, as time-driven activity-based costing shows it: the cost of time not assigned to any
 * product. The seed's platform let it disappear; here it is a figure of its own, so that products +
 * central actions + unused always add up to what the institution spends.
 *
 * <p>An employee is flagged over-allocated when, in some spell, the hours that count for it exceed its
 * contracted hours, or when the unused cost is negative. Both tests are needed under classic, where the price
 * assumes a standard week W: Carla (20 h contracted, 20 h recorded) is fine there, but 30 recorded hours
 * would overrun her contract while still leaving a positive unused cost.
 */
public final class UnusedCapacity {

    private UnusedCapacity() {
    }

    public static EmployeeCost ofEmployee(CostingIndex index, String employeeId) {
        EmployeeInput e = index.employee(employeeId);
        Rational capacity = HourPrice.capacityCost(index, e);
        Map<String, Rational> byProduct = new LinkedHashMap<>();
        Map<StaffingSpell, Rational> load = new LinkedHashMap<>();
        Rational hours = Rational.ZERO;
        Rational allocated = Rational.ZERO;
        for (AllocationInput a : index.allocationsOfEmployee(employeeId)) {
            Rational labour = HourPrice.labour(index, a);
            byProduct.merge(a.productId(), labour, Rational::plus);
            hours = hours.plus(a.hours());
            allocated = allocated.plus(labour);
            index.spellsOf(a).forEach(s -> load.merge(s, a.hours(), Rational::plus));
        }
        Rational unused = capacity.minus(allocated);
        boolean over = unused.signum() < 0
                || load.entrySet().stream().anyMatch(l -> l.getValue().compareTo(index.contractedHours(l.getKey())) > 0);
        return new EmployeeCost(employeeId, e.centerId(), capacity, allocated, unused, index.contractedHours(e), hours,
                over, byProduct, HourPrice.of(index, e), e.yearShare());
    }

    /**
     * unused(c) = Σ unused(e) + (nonLabour(c) − non-labour allocated). Since Σ capacityCost(e) = payroll(c)
     * under both methods, that is payroll + nonLabour − allocated, which is how it is computed here; labour
     * counts only the time spent in this center.
     */
    public static CenterCost ofCenter(CostingIndex index, String centerId) {
        CenterCapacity capacity = index.capacity(centerId);
        Rational labour = Rational.ZERO;
        Map<String, Rational> labourByProduct = new LinkedHashMap<>();
        for (EmployeeInput e : index.employeesOfCenter(centerId)) {
            for (AllocationInput a : index.allocationsOfEmployee(e.employeeId())) {
                Rational inCenter = HourPrice.labourIn(index, a, centerId);
                if (!inCenter.isZero()) {
                    labour = labour.plus(inCenter);
                    labourByProduct.merge(a.productId(), inCenter, Rational::plus);
                }
            }
        }
        Rational nonLabour = index.nonLabour(centerId);
        Rational nonLabourAllocated = NonLabourAllocation.ofCenter(index, centerId, capacity.allocatedHours());
        Rational allocated = labour.plus(nonLabourAllocated);
        Rational unused = capacity.payroll().plus(nonLabour).minus(allocated);
        CenterInput center = index.center(centerId);
        CenterArea area = center == null ? null : center.area();
        return new CenterCost(centerId, area, capacity.payroll(), nonLabour, capacity.headcount(), capacity.staffYears(),
                allocated, unused, capacity.capacityHours(), capacity.allocatedHours(), capacity.overAllocated(),
                nonLabourAllocated, labourByProduct);
    }
}
