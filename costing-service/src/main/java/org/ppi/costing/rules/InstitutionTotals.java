package org.ppi.costing.rules;

import java.math.BigDecimal;
import org.ppi.contracts.money.Rational;

/**
 * The institution's reconciliation. {@code totalCost} = Σ (payroll(c) + nonLabour(c)); the three parts it
 * must equal exactly are {@code terminalFullCost}, {@code unattributedIntermediateCost} (central actions)
 * and {@code unusedCost}. {@code roundingResidue}, in cents, is what a reader adding the rounded figures
 * would miss: round(total) − (Σ rounded terminal full costs + Σ rounded sinks + Σ rounded unused(c)).
 * It is shown, never hidden (DOMAIN.md).
 */
public record InstitutionTotals(Rational totalCost, Rational payroll, Rational nonLabour,
                                Rational terminalFullCost, Rational unattributedIntermediateCost,
                                Rational unusedCost, BigDecimal roundingResidue, Rational allocatedHours,
                                Rational contractedHours) {

    /** The invariant, exact: any difference is a bug, never rounding. */
    public boolean reconciles() {
        return totalCost.equals(terminalFullCost.plus(unattributedIntermediateCost).plus(unusedCost));
    }
}
