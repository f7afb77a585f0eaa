package org.ppi.contracts.costing;

/** A product's cost changed. unitCost and fullUnitCost are null when the volume is missing or zero (a data gap). effectiveAt is the recording time of the causing event; lineage lists the ids of the events behind the figure; provisional: some hours behind it (its own or its suppliers') come from an interview not validated yet. */
public record ProductCostRecalculated(String institutionId, String actingUser, String productId, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, org.ppi.contracts.catalog.ProductType type, boolean core, boolean active, Amount labour, Amount nonLabour, Amount direct, java.math.BigDecimal volume, Amount unitCost, Amount fullCost, Amount fullUnitCost, boolean attributed, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage, Boolean provisional) implements org.ppi.contracts.PpiEvent {
    /** As published before figures said whether they rest on interviews not validated yet (unknown: null). */
    public ProductCostRecalculated(String institutionId, String actingUser, String productId, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, org.ppi.contracts.catalog.ProductType type, boolean core, boolean active, Amount labour, Amount nonLabour, Amount direct, java.math.BigDecimal volume, Amount unitCost, Amount fullCost, Amount fullUnitCost, boolean attributed, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) {
        this(institutionId, actingUser, productId, centerId, costingMethod, type, core, active, labour, nonLabour, direct, volume, unitCost, fullCost, fullUnitCost, attributed, effectiveAt, causationEventId, lineage, null);
    }

    @Override
    public String aggregateId() {
        return productId;
    }
}
