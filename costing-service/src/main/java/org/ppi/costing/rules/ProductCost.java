package org.ppi.costing.rules;

import java.util.List;
import java.util.Map;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;

/**
 * Every figure of one product, exact. {@code unitCost} and {@code fullUnitCost} are null when
 * {@code volumeGap} (volume unknown or not positive). For an intermediate, {@code fullCost} is its loaded
 * cost (see {@link FullCost}); {@code attributed} says whether any of it can reach a terminal product,
 * {@code sink} whether it all goes to central actions. {@code inflows}: immediate supplier → amount.
 */
public record ProductCost(String productId, String centerId, ProductType type, boolean core,
                          List<LabourRow> labourRows, Rational labour, Rational nonLabour, Rational direct,
                          Rational volume, Rational unitCost, boolean volumeGap, Rational fullCost,
                          Rational fullUnitCost, boolean attributed, Map<String, Rational> inflows,
                          boolean sink) {
    public ProductCost {
        labourRows = List.copyOf(labourRows);
        inflows = Map.copyOf(inflows);
    }

    public static ProductCost of(ProductInput product, DirectCost.Figures direct, FullCost full) {
        Rational volume = product.volume();
        return new ProductCost(product.productId(), product.centerId(), product.type(), product.core(),
                direct.rows(), direct.labour(), direct.nonLabour(), direct.direct(), volume,
                UnitCost.of(direct.direct(), volume), UnitCost.isVolumeGap(volume), full.fullCost(),
                UnitCost.of(full.fullCost(), volume), full.attributed(), full.inflows(), full.sink());
    }
}
