package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A program's budget for a fiscal year, explained product by product. {@code budgetExact} is the unrounded
 * fraction; {@code budget} = {@code costShare} (its part of the measured cost, in the reconciliation) +
 * {@code plannedBeyond} (what its plans ask beyond current production). {@code volumeGaps},
 * {@code missingCosts} and {@code centralProducts} list the products whose contribution could not follow the
 * rule fully. {@code causationEventId}/{@code effectiveAt}: the event that last changed the figure (null in
 * as-of answers, which are recomputed from history).
 */
public record ProgramBudgetView(String programId, String code, String name, String expectedResult, int fiscalYear,
                                BigDecimal budget, String budgetExact, BigDecimal costShare, BigDecimal plannedBeyond,
                                boolean scaledByPlannedVolume, List<String> volumeGaps, List<String> missingCosts,
                                List<String> centralProducts, List<ContributionView> contributions,
                                List<ChainView> chains, List<ActivityView> activities, String causationEventId,
                                Instant effectiveAt, boolean provisional) {

    public ProgramBudgetView withCause(String causationEventId, Instant effectiveAt) {
        return new ProgramBudgetView(programId, code, name, expectedResult, fiscalYear, budget, budgetExact, costShare,
                plannedBeyond, scaledByPlannedVolume, volumeGaps, missingCosts, centralProducts, contributions, chains,
                activities, causationEventId, effectiveAt, provisional);
    }
}
