package org.ppi.costing.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CostingMethod;

/**
 * A product's cost as shown: every amount rounded half-up to cents from the exact value ({@code exact*}
 * keep the fractions). {@code unitCost} and {@code fullUnitCost} are null when the volume is missing or
 * zero ({@code volumeGap}); {@code roundingResidue} is the rounded total minus the sum of the rounded rows.
 * {@code provisional}: some hours behind it come from an interview not validated yet.
 */
public record ProductCostView(String productId, String productName, String centerId, String centerName,
                              ProductType type, boolean core, CostingMethod method, String currency,
                              List<LabourRowView> rows, BigDecimal hours, BigDecimal labour, BigDecimal nonLabour,
                              BigDecimal direct, BigDecimal volume, String volumeUnit, BigDecimal unitCost,
                              boolean volumeGap, BigDecimal fullCost, BigDecimal fullUnitCost, boolean attributed,
                              List<InflowView> inflows, BigDecimal roundingResidue, String exactDirect,
                              String exactFullCost, String causationEventId, Instant effectiveAt, int lineageSize,
                              boolean provisional) {

    /** One employee's part: weekly hours, share of the week, labour cost and per-unit labour cost. */
    public record LabourRowView(String employeeId, String employeeName, BigDecimal hours, BigDecimal sharePercent,
                                BigDecimal labour, BigDecimal unitCost) {
    }

    /** Cost received from an intermediate product through value-chain links. */
    public record InflowView(String productId, String productName, BigDecimal amount) {
    }
}
