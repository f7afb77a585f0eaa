package org.ppi.contracts.costing;

/** A product's cost changed. unitCost and fullUnitCost are null when the volume is missing or zero (a data gap). effectiveAt is the recording time of the causing event; lineage lists the ids of the events behind the figure. */
public record ProductCostRecalculated(String institutionId, String actingUser, String productId, String centerId, org.ppi.contracts.survey.CostingMethod costingMethod, org.ppi.contracts.catalog.ProductType type, boolean core, boolean active, Amount labour, Amount nonLabour, Amount direct, java.math.BigDecimal volume, Amount unitCost, Amount fullCost, Amount fullUnitCost, boolean attributed, java.time.Instant effectiveAt, String causationEventId, java.util.List<String> lineage) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
