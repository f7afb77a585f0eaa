package org.ppi.costing.state;

/**
 * Which interviews figures rest on: every recorded value (what a surveyor sees while working) or only values
 * of validated interviews and their corrections (what an institution publishes).
 */
public enum Basis {
    ALL, VALIDATED
}
