package org.ppi.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Mono;

/** Buckets of one gateway instance: behind a balancer, each instance allows the rate. */
final class MemoryRateBuckets implements RateBuckets {
    private final RateSettings settings;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    MemoryRateBuckets(RateSettings settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Long> take(String key) {
        return Mono.fromSupplier(() -> buckets.computeIfAbsent(key, k -> new Bucket(settings.burst()))
                .take(settings.perSecond(), settings.burst()));
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized long take(double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }
}
