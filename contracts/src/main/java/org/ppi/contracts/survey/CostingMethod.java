package org.ppi.contracts.survey;

/** How an hour of work is priced (DOMAIN.md): the seed's center average, or each employee's own cost. */
public enum CostingMethod {
    CLASSIC, INDIVIDUAL
}
