package org.ppi.contracts;

/**
 * Every event of the platform names the institution (tenant) it belongs to and the user who caused it,
 * so that no consumer ever has to guess either.
 */
public interface PpiEvent {
    /** The institution: also the Kafka key, so one institution's events (hence each aggregate's) stay in order. */
    String institutionId();

    String actingUser();

    /** The id of the aggregate that emitted the event ({@code ce_subject}, unique with the institution). */
    String aggregateId();
}
