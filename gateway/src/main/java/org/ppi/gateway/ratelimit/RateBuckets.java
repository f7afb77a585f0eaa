package org.ppi.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * One token bucket per key: {@code per-second} tokens refill continuously up to {@code burst}; a request takes
 * one. {@link #take} answers 0 when it got a token, else the whole seconds until one is there.
 */
public interface RateBuckets {
    Mono<Long> take(String key);
}
