package org.ppi.catalog.product;

/** Only an ACTIVE product accepts changes; RETIRED and MERGED keep their history. */
public enum ProductStatus {
    ACTIVE, RETIRED, MERGED
}
