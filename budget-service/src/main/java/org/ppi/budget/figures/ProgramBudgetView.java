package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A program's budget for a fiscal year, explained product by product. {@code budgetExact} is the unrounded
 * fraction; {@code volumeGaps} and {@code missingCosts} list the products whose contribution could not follow
 * the rule fully. {@code causationEventId}/{@code effectiveAt}: the event that last changed the figure (null
 * in as-of answers, which are recomputed from history).
 */
public record ProgramBudgetView(String programId, String code, String name, String expectedResult, int fiscalYear,
                                BigDecimal budget, String budgetExact, boolean scaledByPlannedVolume,
                                List<String> volumeGaps, List<String> missingCosts,
                                List<ContributionView> contributions, List<ChainView> chains,
                                List<ActivityView> activities, String causationEventId, Instant effectiveAt) {

    public ProgramBudgetView withCause(String causationEventId, Instant effectiveAt) {
        return new ProgramBudgetView(programId, code, name, expectedResult, fiscalYear, budget, budgetExact,
                scaledByPlannedVolume, volumeGaps, missingCosts, contributions, chains, activities, causationEventId,
                effectiveAt);
    }
}
