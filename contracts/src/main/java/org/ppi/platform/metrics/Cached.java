package org.ppi.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read again only once it is older than {@code ttl}: several gauges fed by one query (or one call to the
 * broker) cost one read per scrape, not one per gauge.
 */
public final class Cached<T> {
    private final Duration ttl;
    private final Supplier<T> source;
    private T value;
    private Instant readAt;

    public Cached(Duration ttl, Supplier<T> source) {
        this.ttl = ttl;
        this.source = source;
    }

    public synchronized T get() {
        Instant now = Instant.now();
        if (readAt == null || now.isAfter(readAt.plus(ttl))) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
