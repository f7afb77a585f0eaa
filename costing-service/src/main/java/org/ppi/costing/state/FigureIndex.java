package org.ppi.costing.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who rests on what in one institution, kept up to date as each event folds — never rebuilt from the whole
 * institution after a batch: the allocations of each product, employee and interview, the staff each center ever
 * had, the links into each product, the merges into it, and which allocations hold an interview's value not
 * validated yet (counted per product, employee and center, so a figure's provisional mark is a look-up). A
 * figure's lineage ({@link FigureLineage}) walks these indexes on demand; nothing on the write path does.
 *
 * <p>Products are indexed under their own ids; {@link #countingFor} answers the ids that count for a product once
 * merges are followed, so a later merge needs no re-indexing.
 */
final class FigureIndex {
    private final Map<String, Set<String>> mergedInto = new HashMap<>();
    private final Map<String, List<Facts.Allocation>> allocationsOfProduct = new HashMap<>();
    private final Map<String, List<Facts.Allocation>> allocationsOfEmployee = new HashMap<>();
    private final Map<String, Set<Facts.Allocation>> allocationsOfInterview = new HashMap<>();
    private final Map<String, List<Facts.Link>> linksInto = new HashMap<>();
    private final Map<String, Set<Facts.Employee>> staffOf = new HashMap<>();
    private final Map<String, Set<String>> centersIndexed = new HashMap<>();
    private final Set<Facts.Allocation> pending = new HashSet<>();
    private final Map<String, Integer> pendingOfProduct = new HashMap<>();
    private final Map<String, Integer> pendingOfEmployee = new HashMap<>();
    private final Map<String, Integer> pendingOfCenter = new HashMap<>();
    /** Event ids traced by the facts (each event traces at most one fact): the institution lineage counts them. */
    private int traced;

    /** A fact created by the state: its traces are counted here. */
    <T extends Facts.Traced> T track(T fact) {
        fact.index = this;
        return fact;
    }

    void traced() {
        traced++;
    }

    int tracedEvents() {
        return traced;
    }

    Facts.Allocation allocationAdded(Facts.Allocation a) {
        track(a);
        allocationsOfProduct.computeIfAbsent(a.productId, k -> new ArrayList<>()).add(a);
        allocationsOfEmployee.computeIfAbsent(a.employeeId, k -> new ArrayList<>()).add(a);
        return a;
    }

    Facts.Link linkAdded(Facts.Link link) {
        track(link);
        linksInto.computeIfAbsent(link.consumerId, k -> new ArrayList<>()).add(link);
        return link;
    }

    /** An allocation got a value recorded by an interview: its pending mark may change. */
    void recorded(Facts.Allocation a, String interviewId, Set<String> validatedInterviews) {
        allocationsOfInterview.computeIfAbsent(interviewId, k -> new LinkedHashSet<>()).add(a);
        reassess(a, validatedInterviews);
    }

    /** An interview was validated: only the allocations holding its values change their mark. */
    void validated(String interviewId, Set<String> validatedInterviews) {
        for (Facts.Allocation a : allocationsOfInterview.getOrDefault(interviewId, Set.of())) {
            reassess(a, validatedInterviews);
        }
    }

    private void reassess(Facts.Allocation a, Set<String> validatedInterviews) {
        Facts.RecordedHours value = a.latest();
        boolean now = value != null && !value.correction() && !validatedInterviews.contains(value.interviewId());
        if (now == pending.contains(a)) {
            return;
        }
        int step = now ? 1 : -1;
        if (now) {
            pending.add(a);
        } else {
            pending.remove(a);
        }
        pendingOfProduct.merge(a.productId, step, Integer::sum);
        pendingOfEmployee.merge(a.employeeId, step, Integer::sum);
        pendingOfCenter.merge(a.centerId, step, Integer::sum);
    }

    /** The employee's staffing changed: the centers whose pricing counts the employee follow it. */
    void staffed(Facts.Employee employee) {
        Set<String> now = employee.staffing.centers();
        Set<String> before = centersIndexed.getOrDefault(employee.id, Set.of());
        for (String center : before) {
            if (!now.contains(center)) {
                staffOf.get(center).remove(employee);
            }
        }
        for (String center : now) {
            staffOf.computeIfAbsent(center, k -> new LinkedHashSet<>()).add(employee);
        }
        centersIndexed.put(employee.id, new HashSet<>(now));
    }

    void merged(String productId, String previousTarget, String target) {
        if (previousTarget != null) {
            mergedInto.getOrDefault(previousTarget, new HashSet<>()).remove(productId);
        }
        if (target != null) {
            mergedInto.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(productId);
        }
    }

    /** The product ids whose facts count for {@code productId} (itself and every product merged into it, at any depth). */
    Set<String> countingFor(String productId, UnaryOperator<String> resolve) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(productId));
        while (!next.isEmpty()) {
            String id = next.pop();
            if (found.add(id)) {
                next.addAll(mergedInto.getOrDefault(id, Set.of()));
            }
        }
        found.removeIf(id -> !resolve.apply(id).equals(productId));
        return found;
    }

    List<Facts.Allocation> allocationsOfProduct(String rawProductId) {
        return allocationsOfProduct.getOrDefault(rawProductId, List.of());
    }

    List<Facts.Allocation> allocationsOfEmployee(String employeeId) {
        return allocationsOfEmployee.getOrDefault(employeeId, List.of());
    }

    /** Links created to feed this (raw) product id, active or not. */
    List<Facts.Link> linksInto(String rawProductId) {
        return linksInto.getOrDefault(rawProductId, List.of());
    }

    /** Employees who ever belonged to the center. */
    Set<Facts.Employee> staffOf(String centerId) {
        return staffOf.getOrDefault(centerId, Set.of());
    }

    boolean pendingOfProduct(String rawProductId) {
        return pendingOfProduct.getOrDefault(rawProductId, 0) > 0;
    }

    boolean pendingOfEmployee(String employeeId) {
        return pendingOfEmployee.getOrDefault(employeeId, 0) > 0;
    }

    boolean pendingOfCenter(String centerId) {
        return pendingOfCenter.getOrDefault(centerId, 0) > 0;
    }

    boolean anyPending() {
        return !pending.isEmpty();
    }
}
