package org.ppi.contracts.valuechain;

/**
 * The share (0..1) of a terminal product's cost that a program takes in a budget year, when several programs
 * deliver the product and no planned volume divides it. The shares of one product and year never exceed 1.
 */
public record ProgramShareSet(String institutionId, String actingUser, String programId, String productId, int fiscalYear, java.math.BigDecimal share) implements org.ppi.contracts.PpiEvent {
    /** One aggregate per product and year: the one that keeps its shares within 1. */
    public static String keyOf(String productId, int fiscalYear) {
        return productId + "@" + fiscalYear;
    }

    @Override
    public String aggregateId() {
        return keyOf(productId, fiscalYear);
    }
}
