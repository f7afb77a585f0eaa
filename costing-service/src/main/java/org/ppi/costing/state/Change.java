package org.ppi.costing.state;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one event touched, so the projection recomputes only the figures that depend on it: products whose
 * inputs changed directly, employees and centers whose pricing or capacity changed, or everything (a new
 * costing method or standard week re-prices the institution).
 */
public final class Change {
    final Set<String> products = new LinkedHashSet<>();
    final Set<String> employees = new LinkedHashSet<>();
    final Set<String> centers = new LinkedHashSet<>();
    /** Centers whose hour price or non-labour changed: all products allocated from them are affected. */
    final Set<String> repricedCenters = new LinkedHashSet<>();
    /** Employees whose own price changed (individual method): their products are affected. */
    final Set<String> repricedEmployees = new LinkedHashSet<>();
    /** Figures whose values stay but whose labels (a product or center name) changed: rewritten, not republished. */
    final Set<String> relabeledProducts = new LinkedHashSet<>();
    final Set<String> relabeledEmployees = new LinkedHashSet<>();
    final Set<String> relabeledCenters = new LinkedHashSet<>();
    boolean everything;
    boolean links;
    /** An interview was validated: values stay, every figure's provisional mark may change. */
    boolean validation;

    /** Everything either change touched: what a batch of events asks the figures to follow. */
    public Change plus(Change other) {
        Change both = new Change();
        for (Change c : new Change[] {this, other}) {
            both.products.addAll(c.products);
            both.employees.addAll(c.employees);
            both.centers.addAll(c.centers);
            both.repricedCenters.addAll(c.repricedCenters);
            both.repricedEmployees.addAll(c.repricedEmployees);
            both.relabeledProducts.addAll(c.relabeledProducts);
            both.relabeledEmployees.addAll(c.relabeledEmployees);
            both.relabeledCenters.addAll(c.relabeledCenters);
            both.everything |= c.everything;
            both.links |= c.links;
            both.validation |= c.validation;
        }
        return both;
    }

    public Set<String> products() {
        return products;
    }

    public Set<String> employees() {
        return employees;
    }

    public Set<String> centers() {
        return centers;
    }

    public Set<String> repricedCenters() {
        return repricedCenters;
    }

    public Set<String> repricedEmployees() {
        return repricedEmployees;
    }

    public Set<String> relabeledProducts() {
        return relabeledProducts;
    }

    public Set<String> relabeledEmployees() {
        return relabeledEmployees;
    }

    public Set<String> relabeledCenters() {
        return relabeledCenters;
    }

    public boolean everything() {
        return everything;
    }

    public boolean validation() {
        return validation;
    }

    public boolean links() {
        return links;
    }

    public boolean isEmpty() {
        return !everything && !links && !validation && products.isEmpty() && employees.isEmpty() && centers.isEmpty()
                && repricedCenters.isEmpty() && repricedEmployees.isEmpty() && relabeledProducts.isEmpty()
                && relabeledEmployees.isEmpty() && relabeledCenters.isEmpty();
    }
}
