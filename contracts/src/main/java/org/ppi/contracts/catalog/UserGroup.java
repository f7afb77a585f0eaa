package org.ppi.contracts.catalog;

/** Who uses a product. */
public enum UserGroup {
    CITIZENS, OTHER_INSTITUTIONS, COMPANIES, INTERNAL_UNITS
}
