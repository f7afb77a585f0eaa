package org.ppi.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the buckets live: {@code ppi.gateway.rate-limit.redis-uri} (e.g. {@code redis://redis:6379}) shares them
 * between gateway instances; empty keeps them in this instance's memory.
 */
@Configuration
class RateLimitConfiguration {

    @Bean
    RateSettings rateSettings(@Value("${ppi.gateway.rate-limit.per-second:100}") double perSecond,
                              @Value("${ppi.gateway.rate-limit.burst:200}") double burst) {
        return new RateSettings(perSecond, burst);
    }

    @Bean
    RateBuckets rateBuckets(RateSettings settings,
                            @Value("${ppi.gateway.rate-limit.redis-uri:}") String redisUri,
                            @Value("${ppi.gateway.rate-limit.redis-prefix:ppi:rate:}") String prefix) {
        return redisUri.isBlank() ? new MemoryRateBuckets(settings) : new RedisRateBuckets(redisUri, prefix, settings);
    }
}
