package org.ppi.costing.query;

import java.time.Instant;

import org.ppi.costing.state.Basis;

/**
 * What every cost query can ask besides its filters: {@code asOf} (the figures as the platform showed them at
 * that instant: the recording clock), {@code fiscalYear} (which year's cost: the domain's clock; null = the
 * institution's current year, its own setting), {@code basis} (all interviews, or validated ones only: what an
 * institution publishes) and {@code normalize} (over-allocated hours scaled to contracts). The default of all four
 * is stored, and so is every past version of it (an as-of query of the default view reads those); any other answer
 * is computed from the history on request.
 */
record CostQuery(Instant asOf, Integer fiscalYear, Basis basis, boolean normalize) {
    static final CostQuery CURRENT = new CostQuery(null, null, Basis.ALL, false);

    CostQuery {
        basis = basis == null ? Basis.ALL : basis;
    }

    boolean stored() {
        return asOf == null && fiscalYear == null && basis == Basis.ALL && !normalize;
    }

    static CostQuery asOf(Instant asOf) {
        return new CostQuery(asOf, null, Basis.ALL, false);
    }
}
