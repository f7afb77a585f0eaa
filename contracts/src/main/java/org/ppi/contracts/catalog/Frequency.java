package org.ppi.contracts.catalog;

/** How often a product is made (periodicidad). */
public enum Frequency {
    DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, ON_DEMAND
}
