package org.ppi.contracts;

/**
 * Every event of the platform names the institution (tenant) it belongs to and the user who caused it,
 * so that no consumer ever has to guess either.
 */
public interface PpiEvent {
    String institutionId();

    String actingUser();

    /** The id of the aggregate that emitted the event: the Kafka key, so one aggregate's events stay in order. */
    String aggregateId();
}
