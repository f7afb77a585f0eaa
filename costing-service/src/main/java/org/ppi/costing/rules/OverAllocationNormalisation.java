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
 */
public final class OverAllocationNormalisation {
    private OverAllocationNormalisation() {
    }

    public static CostingInput apply(CostingInput input) {
        Map<String, Rational> recorded = new HashMap<>();
        for (AllocationInput a : input.allocations()) {
            recorded.merge(a.employeeId(), a.hours(), Rational::plus);
        }
        List<AllocationInput> scaled = new ArrayList<>(input.allocations().size());
        for (AllocationInput a : input.allocations()) {
            EmployeeInput employee = input.employees().get(a.employeeId());
            Rational contracted = employee == null || employee.contractedHours() == null
                    ? input.weeklyHours() : employee.contractedHours();
            Rational total = recorded.get(a.employeeId());
            if (total.compareTo(contracted) > 0) {
                scaled.add(new AllocationInput(a.employeeId(), a.productId(), a.hours().times(contracted).dividedBy(total)));
            } else {
                scaled.add(a);
            }
        }
        return new CostingInput(input.weeklyHours(), input.method(), input.centers(), input.employees(), input.products(),
                scaled, input.links());
    }
}
