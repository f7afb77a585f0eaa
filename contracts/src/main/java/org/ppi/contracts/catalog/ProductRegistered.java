package org.ppi.contracts.catalog;

/** A center's product was registered. A null volume is a data gap, never zero. */
public record ProductRegistered(String institutionId, String actingUser, String productId, String centerId, String name, ProductType type, boolean core, java.math.BigDecimal volume, String volumeUnit, ProductFeatures features) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
