package org.ppi.contracts.catalog;

/** A product's yearly volume changed (null: unknown). */
public record ProductVolumeChanged(String institutionId, String actingUser, String productId, java.math.BigDecimal volume, String volumeUnit) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
