package org.ppi.contracts.valuechain;

/** A budget allocation that results in no product (transfers, pensions, debt) for a fiscal year: shown apart, never costed as production. */
public record ApnopLineRecorded(String institutionId, String actingUser, String lineId, int fiscalYear, String name, ApnopKind kind, java.math.BigDecimal amount) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return lineId;
    }
}
