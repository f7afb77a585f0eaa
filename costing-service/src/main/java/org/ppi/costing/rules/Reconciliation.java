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
 *
 * <p>The sums are kept as running totals, so a change swaps out the figures it replaced and swaps in the new ones
 * ({@link #from}, {@link #remove}, {@link #add}) instead of adding up the whole institution again; exact fractions
 * and per-row cents make both ways give the same totals to the last digit.
 */
public final class Reconciliation {
    private Rational payroll = Rational.ZERO;
    private Rational nonLabour = Rational.ZERO;
    private Rational unused = Rational.ZERO;
    private Rational allocatedHours = Rational.ZERO;
    private Rational terminal = Rational.ZERO;
    private Rational central = Rational.ZERO;
    private Rational contracted = Rational.ZERO;
    /** Σ of each part rounded to cents, as a reader adds them. */
    private BigDecimal roundedParts = BigDecimal.ZERO;

    private Reconciliation() {
    }

    public static InstitutionTotals of(Collection<ProductCost> products, Collection<CenterCost> centers,
                                       Collection<EmployeeCost> employees, FullCosts fullCosts) {
        Reconciliation sums = new Reconciliation();
        centers.forEach(sums::add);
        products.forEach(sums::add); // a sink product's loaded cost is what fullCosts.unattributed holds for it
        employees.forEach(sums::add);
        return sums.totals();
    }

    /** Running sums that continue from totals already computed. */
    public static Reconciliation from(InstitutionTotals totals) {
        Reconciliation sums = new Reconciliation();
        sums.payroll = totals.payroll();
        sums.nonLabour = totals.nonLabour();
        sums.unused = totals.unusedCost();
        sums.allocatedHours = totals.allocatedHours();
        sums.terminal = totals.terminalFullCost();
        sums.central = totals.unattributedIntermediateCost();
        sums.contracted = totals.contractedHours();
        sums.roundedParts = totals.totalCost().toCents().subtract(totals.roundingResidue());
        return sums;
    }

    public void add(CenterCost c) {
        center(c, 1);
    }

    public void remove(CenterCost c) {
        center(c, -1);
    }

    public void add(ProductCost p) {
        product(p, 1);
    }

    public void remove(ProductCost p) {
        product(p, -1);
    }

    public void add(EmployeeCost e) {
        contracted = contracted.plus(contracted(e));
    }

    public void remove(EmployeeCost e) {
        contracted = contracted.minus(contracted(e));
    }

    private void center(CenterCost c, int sign) {
        payroll = plus(payroll, c.payroll(), sign);
        nonLabour = plus(nonLabour, c.nonLabour(), sign);
        unused = plus(unused, c.unusedCost(), sign);
        allocatedHours = plus(allocatedHours, c.allocatedHours(), sign);
        roundedParts = sign > 0 ? roundedParts.add(c.unusedCost().toCents()) : roundedParts.subtract(c.unusedCost().toCents());
    }

    /** A terminal product's full cost is delivered; a sink's loaded cost goes to central actions. */
    private void product(ProductCost p, int sign) {
        if (p.type() == ProductType.TERMINAL) {
            terminal = plus(terminal, p.fullCost(), sign);
        } else if (p.sink()) {
            central = plus(central, p.fullCost(), sign);
        } else {
            return;
        }
        roundedParts = sign > 0 ? roundedParts.add(p.fullCost().toCents()) : roundedParts.subtract(p.fullCost().toCents());
    }

    private static Rational contracted(EmployeeCost e) {
        return e.contractedHours().times(e.yearShare());
    }

    private static Rational plus(Rational sum, Rational value, int sign) {
        return sign > 0 ? sum.plus(value) : sum.minus(value);
    }

    public InstitutionTotals totals() {
        Rational total = payroll.plus(nonLabour);
        return new InstitutionTotals(total, payroll, nonLabour, terminal, central, unused,
                total.toCents().subtract(roundedParts), allocatedHours, contracted);
    }
}
