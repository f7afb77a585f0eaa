package org.ppi.costing.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;

/**
 * Everything the costing rules need, as one immutable snapshot: the projection reads its replicas once and
 * the rules never look anywhere else, so the same snapshot always gives the same figures (replay, as-of).
 *
 * <p>Maps are keyed by the id inside each value; a mismatch is a programming error in the caller and is
 * rejected rather than silently costed under the wrong id. A null {@code weeklyHours} means the platform's
 * default of 40.
 */
public record CostingInput(Rational weeklyHours,
                           CostingMethod method,
                           Map<String, CenterInput> centers,
                           Map<String, EmployeeInput> employees,
                           Map<String, ProductInput> products,
                           List<AllocationInput> allocations,
                           List<LinkInput> links) {

    /** DOMAIN.md's W when the institution has not recorded one. */
    public static final Rational DEFAULT_WEEKLY_HOURS = Rational.of(40);

    public CostingInput {
        weeklyHours = weeklyHours == null ? DEFAULT_WEEKLY_HOURS : weeklyHours;
        if (weeklyHours.signum() <= 0) {
            throw new IllegalArgumentException("weeklyHours must be positive: " + weeklyHours);
        }
        Objects.requireNonNull(method, "method");
        centers = centers == null ? Map.of() : Map.copyOf(centers);
        employees = employees == null ? Map.of() : Map.copyOf(employees);
        products = products == null ? Map.of() : Map.copyOf(products);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        links = links == null ? List.of() : List.copyOf(links);
        centers.forEach((id, c) -> requireKey(id, c.centerId()));
        employees.forEach((id, e) -> requireKey(id, e.employeeId()));
        products.forEach((id, p) -> requireKey(id, p.productId()));
    }

    private static void requireKey(String key, String id) {
        if (!key.equals(id)) {
            throw new IllegalArgumentException("map key " + key + " does not match id " + id);
        }
    }
}
