package org.ppi.contracts.valuechain;

/** What an APNOP line (asignación presupuestaria que no resulta en productos) pays for. */
public enum ApnopKind {
    TRANSFER, PENSION, DEBT, OTHER
}
