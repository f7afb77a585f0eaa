package org.ppi.contracts;

/** One topic per producing service, named {@code ppi.<service>.events}. */
public final class Topics {
    public static final String SURVEY = "ppi.survey.events";
    public static final String CATALOG = "ppi.catalog.events";
    public static final String VALUECHAIN = "ppi.valuechain.events";
    public static final String COSTING = "ppi.costing.events";
    public static final String BUDGET = "ppi.budget.events";

    private Topics() {
    }
}
