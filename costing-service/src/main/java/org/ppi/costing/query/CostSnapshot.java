package org.ppi.costing.query;

import java.time.Instant;
import java.util.List;

import org.ppi.costing.figures.CenterCostView;
import org.ppi.costing.figures.EmployeeCostView;
import org.ppi.costing.figures.InstitutionCostView;
import org.ppi.costing.figures.ProductCostView;

/**
 * An institution's figures at one moment — now (the read models) or as of a past time (folded from the event
 * log). The events behind each figure are not part of it: {@link CostLineages} computes them for one figure on
 * request.
 */
record CostSnapshot(Instant asOf, InstitutionCostView institution, List<ProductCostView> products,
                    List<EmployeeCostView> employees, List<CenterCostView> centers) {
}
