package org.ppi.costing.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ppi.costing.figures.CenterCostView;
import org.ppi.costing.figures.EmployeeCostView;
import org.ppi.costing.figures.InstitutionCostView;
import org.ppi.costing.figures.ProductCostView;

/**
 * An institution's figures at one moment — now (the read models) or as of a past time (folded from the event
 * log) — with the event ids behind each figure.
 */
record CostSnapshot(Instant asOf, InstitutionCostView institution, List<ProductCostView> products,
                    List<EmployeeCostView> employees, List<CenterCostView> centers,
                    Map<String, List<String>> lineage) {

    static String key(String kind, String id) {
        return kind + ":" + id;
    }
}
