package org.ppi.costing.rules;

import java.math.BigDecimal;
import java.util.Collection;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;

/**
 * Checks that nothing was created or lost between what the institution spends and where costing put it:
 * Σ fullCost(terminal) + Σ unattributed intermediates + Σ unused(c) = Σ (payroll(c) + nonLabour(c)).
 * Exact equality holds by construction (fractions everywhere); the rounding residue is computed from the
 * same rows a reader sees, each rounded once.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    public static InstitutionTotals of(Collection<ProductCost> products, Collection<CenterCost> centers,
                                       Collection<EmployeeCost> employees, FullCosts fullCosts) {
        Rational payroll = Rational.ZERO;
        Rational nonLabour = Rational.ZERO;
        Rational unused = Rational.ZERO;
        Rational allocatedHours = Rational.ZERO;
        BigDecimal roundedParts = BigDecimal.ZERO;
        for (CenterCost c : centers) {
            payroll = payroll.plus(c.payroll());
            nonLabour = nonLabour.plus(c.nonLabour());
            unused = unused.plus(c.unusedCost());
            allocatedHours = allocatedHours.plus(c.allocatedHours());
            roundedParts = roundedParts.add(c.unusedCost().toCents());
        }
        Rational terminal = Rational.ZERO;
        for (ProductCost p : products) {
            if (p.type() == ProductType.TERMINAL) {
                terminal = terminal.plus(p.fullCost());
                roundedParts = roundedParts.add(p.fullCost().toCents());
            }
        }
        for (Rational sink : fullCosts.unattributed().values()) {
            roundedParts = roundedParts.add(sink.toCents());
        }
        Rational contracted = Rational.ZERO;
        for (EmployeeCost e : employees) {
            contracted = contracted.plus(e.contractedHours().times(e.yearShare()));
        }
        Rational total = payroll.plus(nonLabour);
        return new InstitutionTotals(total, payroll, nonLabour, terminal, fullCosts.centralActions(), unused,
                total.toCents().subtract(roundedParts), allocatedHours, contracted);
    }
}
