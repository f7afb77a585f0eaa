package org.ppi.costing.rules;

import java.util.List;
import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * An employee who worked some days of the fiscal year, as the {@link StaffingSpell}s of that time in date order
 * (one whole-year spell when nothing changed). {@link #centerId()} and {@link #contractedHours()} are those of the
 * last spell: where the employee ended the year, or left. Contracted hours null means the standard week W,
 * resolved by {@link CostingIndex#contractedHours(StaffingSpell)} because W belongs to the snapshot.
 */
public record EmployeeInput(String employeeId, List<StaffingSpell> spells) {
    public EmployeeInput {
        Objects.requireNonNull(employeeId, "employeeId");
        spells = List.copyOf(spells);
        if (spells.isEmpty()) {
            throw new IllegalArgumentException("employee " + employeeId + " has no time in the fiscal year");
        }
    }

    /** The whole year in one center, at one annual cost and contract. */
    public EmployeeInput(String employeeId, String centerId, Rational annualCost, Rational contractedHours) {
        this(employeeId, List.of(StaffingSpell.wholeYear(centerId, annualCost, contractedHours)));
    }

    public String centerId() {
        return last().centerId();
    }

    public Rational contractedHours() {
        return last().contractedHours();
    }

    /** What the employee cost the institution in the fiscal year: Σ spell cost. */
    public Rational annualCost() {
        Rational total = Rational.ZERO;
        for (StaffingSpell s : spells) {
            total = total.plus(s.cost());
        }
        return total;
    }

    /** The share of the fiscal year the employee was on the payroll (1 for the whole year). */
    public Rational yearShare() {
        Rational total = Rational.ZERO;
        for (StaffingSpell s : spells) {
            total = total.plus(s.yearShare());
        }
        return total;
    }

    private StaffingSpell last() {
        return spells.get(spells.size() - 1);
    }
}
