package org.ppi.costing.rules;

import java.time.LocalDate;
import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * A stretch of the fiscal year in which one employee's staffing facts are constant: the center, the annual cost
 * and the contracted weekly hours. {@code yearShare} is its days over the fiscal year's days (a transfer on 1 July
 * of a calendar year gives 181/365 and 184/365), so every rule weighs the spell by the time it was in effect.
 * {@code contractedHours} null means the institution's standard week W. {@code from}/{@code to} (inclusive) are
 * the dates, kept for reading; the rules only use the share.
 */
public record StaffingSpell(String centerId, Rational yearShare, Rational annualCost, Rational contractedHours,
                            LocalDate from, LocalDate to) {

    public StaffingSpell {
        Objects.requireNonNull(centerId, "centerId");
        Objects.requireNonNull(yearShare, "yearShare");
        if (yearShare.signum() <= 0) {
            throw new IllegalArgumentException("a spell lasts some days: " + yearShare);
        }
        annualCost = annualCost == null ? Rational.ZERO : annualCost;
    }

    /** The whole fiscal year in one center: what an employee with no dated change has. */
    public static StaffingSpell wholeYear(String centerId, Rational annualCost, Rational contractedHours) {
        return new StaffingSpell(centerId, Rational.ONE, annualCost, contractedHours, null, null);
    }

    /** What the spell costs the institution: the annual cost for the share of the year it lasted. */
    public Rational cost() {
        return annualCost.times(yearShare);
    }
}
