package org.ppi.costing.figures;

import java.math.BigDecimal;
import java.time.Instant;

import org.ppi.contracts.survey.CostingMethod;

/**
 * The reconciliation: full cost of terminal products + intermediate cost attributed to no chain + unused
 * capacity = total cost (payroll + non-labour), exact; {@code roundingResidue} is what rounding each line
 * to cents leaves, shown rather than hidden. {@code fiscalYear} and {@code basis} say which year and which
 * interviews the figures are of; {@code provisional}: some hours come from an interview not validated yet.
 */
public record InstitutionCostView(String institutionId, String name, String currency, CostingMethod method,
                                  BigDecimal totalCost, BigDecimal payroll, BigDecimal nonLabour,
                                  BigDecimal terminalFullCost, BigDecimal unattributedIntermediateCost,
                                  BigDecimal unusedCost, BigDecimal roundingResidue, boolean reconciled,
                                  int products, int volumeGaps, int employees, int overAllocatedEmployees,
                                  int centers, BigDecimal allocatedHours, BigDecimal contractedHours,
                                  String causationEventId, Instant effectiveAt, int fiscalYear,
                                  org.ppi.costing.state.Basis basis, boolean provisional) {
}
