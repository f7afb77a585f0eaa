package org.ppi.catalog.product;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductType;

/** Commands of the Product aggregate; each names the caller's institution and user. */
public final class ProductCommands {
    private ProductCommands() {
    }

    public record RegisterProduct(@TargetAggregateIdentifier String productId, String institutionId, String actingUser,
                                  String centerId, String name, ProductType type, boolean core, BigDecimal volume,
                                  String volumeUnit, ProductFeatures features) {
    }

    public record RenameProduct(@TargetAggregateIdentifier String productId, String institutionId, String actingUser,
                                String name) {
    }

    public record ReviseProductFeatures(@TargetAggregateIdentifier String productId, String institutionId,
                                        String actingUser, ProductFeatures features) {
    }

    public record RetypeProduct(@TargetAggregateIdentifier String productId, String institutionId, String actingUser,
                                ProductType type, boolean core) {
    }

    public record ChangeProductVolume(@TargetAggregateIdentifier String productId, String institutionId,
                                      String actingUser, BigDecimal volume, String volumeUnit) {
    }

    /** Merges this product (the source) into {@code targetProductId}. */
    public record MergeProducts(@TargetAggregateIdentifier String productId, String institutionId, String actingUser,
                                String targetProductId) {
    }

    public record RetireProduct(@TargetAggregateIdentifier String productId, String institutionId, String actingUser,
                                String reason) {
    }
}
