package org.ppi.contracts.catalog;

/** Terminal: used by citizens or external bodies. Intermediate: used inside the institution to make other products. */
public enum ProductType {
    TERMINAL, INTERMEDIATE
}
