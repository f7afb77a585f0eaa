package org.ppi.platform.relay;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Why a send to Kafka failed, as the relay must act on it. A <em>transient</em> failure (broker down, leader
 * moving, timeout) says nothing about the event: the relay waits and tries again, and every later event waits
 * with it, so order is kept and nothing is lost. Any other failure (record too large, invalid topic, an event
 * that cannot be written as JSON, a denied ACL) belongs to this event: retrying it forever would stop every
 * institution behind one record, so after a few tries the relay parks it and goes on.
 */
public record PublishFailure(boolean transientFailure, String reason) {
    private static final int MAX_REASON = 2000;

    public static PublishFailure of(Throwable failure) {
        boolean transientFailure = false;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof TimeoutException || t instanceof InterruptedException) {
                transientFailure = true;
            }
            root = t;
        }
        String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        return new PublishFailure(transientFailure, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
    }
}
