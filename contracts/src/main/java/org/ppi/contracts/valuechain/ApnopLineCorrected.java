package org.ppi.contracts.valuechain;

/** An APNOP line's complete new values (year, name, kind, amount) and why they were corrected. */
public record ApnopLineCorrected(String institutionId, String actingUser, String lineId, int fiscalYear, String name, ApnopKind kind, java.math.BigDecimal amount, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return lineId;
    }
}
