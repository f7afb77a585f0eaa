package org.ppi.contracts.valuechain;

/** In a programmatic structure: an activity specific to one program, common to several, or central. */
public enum ActivityKind {
    SPECIFIC, COMMON, CENTRAL
}
