package org.ppi.catalog.product;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the Product aggregate; each names the caller's institution and user. */
public final class ProductCommands {
    private ProductCommands() {
    }

    public record RegisterProduct(String productId, String institutionId, String actingUser,
                                  String centerId, String name, ProductType type, boolean core, BigDecimal volume,
                                  String volumeUnit, ProductFeatures features) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, productId);
        }
    }

    public record RenameProduct(String productId, String institutionId, String actingUser,
                                String name) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, productId);
        }
    }

    public record ReviseProductFeatures(String productId, String institutionId,
                                        String actingUser, ProductFeatures features) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, productId);
        }
    }

    public record RetypeProduct(String productId, String institutionId, String actingUser,
                                ProductType type, boolean core) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, productId);
        }
    }

    public record ChangeProductVolume(String productId, String institutionId,
                                      String actingUser, BigDecimal volume, String volumeUnit) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, productId);
        }
    }

    /** Merges this product (the source) into {@code targetProductId}. */
    public record MergeProducts(String productId, String institutionId, String actingUser,
                                String targetProductId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, productId);
        }
    }

    public record RetireProduct(String productId, String institutionId, String actingUser,
                                String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, productId);
        }
    }
}
