package org.ppi.contracts;

/**
 * One topic per producing service, named {@code ppi.<service>.events}; each projection (costing, budget) also has
 * {@code ppi.<projection>.deadletter} (a verbatim copy of every record it parked, with why and where from) and
 * {@code ppi.<projection>.audit} (what happened to them: parked, retried, skipped), which no projection consumes.
 */
public final class Topics {
    public static final String SURVEY = "ppi.survey.events";
    public static final String CATALOG = "ppi.catalog.events";
    public static final String VALUECHAIN = "ppi.valuechain.events";
    public static final String COSTING = "ppi.costing.events";
    public static final String BUDGET = "ppi.budget.events";
    public static final String COSTING_DEADLETTER = deadLetter("costing");
    public static final String COSTING_AUDIT = audit("costing");
    public static final String BUDGET_DEADLETTER = deadLetter("budget");
    public static final String BUDGET_AUDIT = audit("budget");

    /** The records a projection parked, as they were read (see {@code org.ppi.platform.projection.DeadLetters}). */
    public static String deadLetter(String projection) {
        return "ppi." + projection + ".deadletter";
    }

    /** A projection's audit events about parked events ({@code org.ppi.contracts.projection}). */
    public static String audit(String projection) {
        return "ppi." + projection + ".audit";
    }

    private Topics() {
    }
}
