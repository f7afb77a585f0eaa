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
 * <p>An employee is flagged over-allocated when the recorded hours exceed the contracted hours, or when the
 * unused cost is negative. Both tests are needed under classic, where the price assumes a standard week W:
 * Carla (20 h contracted, 20 h recorded) is fine there, but 30 recorded hours would overrun her contract
 * while still leaving a positive unused cost.
 */
public final class UnusedCapacity {

    private UnusedCapacity() {
    }

    public static EmployeeCost ofEmployee(CostingIndex index, String employeeId) {
        EmployeeInput e = index.employee(employeeId);
        Rational price = HourPrice.of(index, e);
        Rational capacity = HourPrice.capacityCost(index, e);
        Map<String, Rational> byProduct = new LinkedHashMap<>();
        Rational hours = Rational.ZERO;
        Rational allocated = Rational.ZERO;
        for (AllocationInput a : index.allocationsOfEmployee(employeeId)) {
            Rational labour = a.hours().times(price);
            byProduct.merge(a.productId(), labour, Rational::plus);
            hours = hours.plus(a.hours());
            allocated = allocated.plus(labour);
        }
        Rational contracted = index.contractedHours(e);
        Rational unused = capacity.minus(allocated);
        boolean over = hours.compareTo(contracted) > 0 || unused.signum() < 0;
        return new EmployeeCost(employeeId, e.centerId(), capacity, allocated, unused, contracted, hours, over,
                byProduct, price);
    }

    /**
     * unused(c) = Σ unused(e) + (nonLabour(c) − non-labour allocated). Since Σ capacityCost(e) = payroll(c)
     * under both methods, that is payroll + nonLabour − allocated, which is how it is computed here.
     */
    public static CenterCost ofCenter(CostingIndex index, String centerId) {
        CenterCapacity capacity = index.capacity(centerId);
        Rational labour = Rational.ZERO;
        for (EmployeeInput e : index.employeesOfCenter(centerId)) {
            Rational price = HourPrice.of(index, e);
            for (AllocationInput a : index.allocationsOfEmployee(e.employeeId())) {
                labour = labour.plus(a.hours().times(price));
            }
        }
        Rational nonLabour = index.nonLabour(centerId);
        Rational nonLabourAllocated = NonLabourAllocation.ofCenter(index, centerId, capacity.allocatedHours());
        Rational allocated = labour.plus(nonLabourAllocated);
        Rational unused = capacity.payroll().plus(nonLabour).minus(allocated);
        CenterInput center = index.input().centers().get(centerId);
        CenterArea area = center == null ? null : center.area();
        return new CenterCost(centerId, area, capacity.payroll(), nonLabour, capacity.headcount(), allocated, unused,
                capacity.capacityHours(), capacity.allocatedHours(), capacity.overAllocated(), nonLabourAllocated);
    }
}
