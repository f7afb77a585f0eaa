package org.ppi.costing.figures;

import org.ppi.costing.rules.CenterCost;
import org.ppi.costing.rules.EmployeeCost;
import org.ppi.costing.rules.ProductCost;

/**
 * What the institution's figure counts besides its totals: products, volume gaps, employees, over-allocated
 * employees and centers. A figure added or gone with no cost of its own (a product or center just registered)
 * leaves the totals as they were but changes these, and the institution's row must say so. Kept as running
 * counts, like the totals, so a change adjusts them by the figures it replaced.
 */
public record FigureCounts(int products, int volumeGaps, int employees, int overAllocated, int centers) {
    public static final FigureCounts NONE = new FigureCounts(0, 0, 0, 0, 0);

    static FigureCounts of(CostFigures figures) {
        FigureCounts counts = NONE;
        for (ProductCost p : figures.products().values()) {
            counts = counts.swap(null, p);
        }
        for (EmployeeCost e : figures.employees().values()) {
            counts = counts.swap(null, e);
        }
        for (CenterCost c : figures.centers().values()) {
            counts = counts.swap(null, c);
        }
        return counts;
    }

    /** The counts with one product's figure {@code was} (null: none) replaced by {@code now} (null: gone). */
    FigureCounts swap(ProductCost was, ProductCost now) {
        return new FigureCounts(products + present(now) - present(was), volumeGaps + gap(now) - gap(was), employees,
                overAllocated, centers);
    }

    FigureCounts swap(EmployeeCost was, EmployeeCost now) {
        return new FigureCounts(products, volumeGaps, employees + present(now) - present(was),
                overAllocated + over(now) - over(was), centers);
    }

    FigureCounts swap(CenterCost was, CenterCost now) {
        return new FigureCounts(products, volumeGaps, employees, overAllocated, centers + present(now) - present(was));
    }

    private static int present(Object figure) {
        return figure == null ? 0 : 1;
    }

    private static int gap(ProductCost p) {
        return p != null && p.volumeGap() ? 1 : 0;
    }

    private static int over(EmployeeCost e) {
        return e != null && e.overAllocated() ? 1 : 0;
    }
}
