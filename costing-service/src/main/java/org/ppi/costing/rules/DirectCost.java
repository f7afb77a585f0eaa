package org.ppi.costing.rules;

import java.util.ArrayList;
import java.util.List;
import org.ppi.contracts.money.Rational;

/**
 * direct(p) = Σ_e labour(e,p) + nonLabour(p): what the product's own production consumes, before any
 * intermediate product's cost flows into it. Each employee's row is kept so that a figure can be explained
 * line by line, as in the seed's table.
 */
public final class DirectCost {

    private DirectCost() {
    }

    /** The labour rows and totals of one product. */
    public record Figures(String productId, List<LabourRow> rows, Rational labour, Rational nonLabour,
                          Rational direct) {
        public Figures {
            rows = List.copyOf(rows);
        }
    }

    public static Figures of(CostingIndex index, String productId) {
        ProductInput product = index.product(productId);
        List<LabourRow> rows = new ArrayList<>();
        Rational labour = Rational.ZERO;
        Rational nonLabour = Rational.ZERO;
        for (AllocationInput a : index.allocationsOfProduct(productId)) {
            Rational rowLabour = HourPrice.labour(index, a);
            rows.add(new LabourRow(a.employeeId(), a.hours(), HourPrice.share(index, a), rowLabour,
                    UnitCost.of(rowLabour, product.volume())));
            labour = labour.plus(rowLabour);
            nonLabour = nonLabour.plus(NonLabourAllocation.of(index, a));
        }
        return new Figures(productId, rows, labour, nonLabour, labour.plus(nonLabour));
    }
}
