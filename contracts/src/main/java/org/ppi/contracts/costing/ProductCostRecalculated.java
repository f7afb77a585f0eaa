package org.ppi.contracts.costing;

/** A product's cost changed. unitCost and fullUnitCost are null when the volume is missing or zero (a data gap). effectiveAt is the recording time of the causing event; lineageSize counts the events behind the figure and lineageRef is the API path that pages them (lineage by reference: events published before it carried the whole list as lineage, which consumers now ignore; both are null on them); provisional: some hours behind it (its own or its suppliers') come from an interview not validated yet. */
public record ProductCostRecalculated(String institutionId, String actingUser, String productId, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, org.ppi.contracts.catalog.ProductType type, boolean core, boolean active, Amount labour, Amount nonLabour, Amount direct, java.math.BigDecimal volume, Amount unitCost, Amount fullCost, Amount fullUnitCost, boolean attributed, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef, Boolean provisional) implements org.ppi.contracts.PpiEvent {
    /** As published before figures said whether they rest on interviews not validated yet (unknown: null). */
    public ProductCostRecalculated(String institutionId, String actingUser, String productId, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, org.ppi.contracts.catalog.ProductType type, boolean core, boolean active, Amount labour, Amount nonLabour, Amount direct, java.math.BigDecimal volume, Amount unitCost, Amount fullCost, Amount fullUnitCost, boolean attributed, java.time.Instant effectiveAt, String causationEventId, Integer lineageSize, String lineageRef) {
        this(institutionId, actingUser, productId, centerId, costingMethod, type, core, active, labour, nonLabour, direct, volume, unitCost, fullCost, fullUnitCost, attributed, effectiveAt, causationEventId, lineageSize, lineageRef, null);
    }

    @Override
    public String aggregateId() {
        return productId;
    }
}
