package org.ppi.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared buckets against a real Redis ({@code TEST_REDIS_URI}, else the machine's 127.0.0.1:6379): two gateway
 * instances take from one budget per user, which memory buckets cannot do.
 */
class RedisRateBucketsTest {
    private static final String REDIS = System.getenv().getOrDefault("TEST_REDIS_URI", "redis://127.0.0.1:6379");
    private final String prefix = "ppi-test:" + UUID.randomUUID() + ":";
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void twoGatewayInstancesShareOneUsersBurst() {
        RateSettings slow = new RateSettings(0.01, 5);
        RedisRateBuckets first = redis(slow);
        RedisRateBuckets second = redis(slow);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add((i % 2 == 0 ? first : second).take("user:hasty").block());
        }
        assertThat(waits.subList(0, 5)).containsOnly(0L);
        assertThat(waits.get(5)).isGreaterThanOrEqualTo(1L);
        assertThat(second.take("user:calm").block()).isZero();

        MemoryRateBuckets alone = new MemoryRateBuckets(slow);
        MemoryRateBuckets beside = new MemoryRateBuckets(slow);
        long passed = 0;
        for (int i = 0; i < 6; i++) {
            passed += (i % 2 == 0 ? alone : beside).take("user:hasty").block() == 0 ? 1 : 0;
        }
        assertThat(passed).as("memory buckets: each instance allows the burst").isEqualTo(6);
    }

    @Test
    void aBucketRefillsAtTheRateAndTellsHowLongToWait() throws InterruptedException {
        RedisRateBuckets buckets = redis(new RateSettings(0.5, 1));
        assertThat(buckets.take("user:a").block()).isZero();
        assertThat(buckets.take("user:a").block()).isEqualTo(2L);

        RedisRateBuckets fast = redis(new RateSettings(20, 1));
        assertThat(fast.take("user:b").block()).isZero();
        assertThat(fast.take("user:b").block()).isEqualTo(1L);
        Thread.sleep(150);
        assertThat(fast.take("user:b").block()).isZero();
    }

    @Test
    void aBucketIsKeptNoLongerThanItTakesToRefill() {
        redis(new RateSettings(10, 30)).take("user:ttl").block();
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().ttl(prefix + "user:ttl")).isBetween(1L, 4L);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void anUnreachableStoreLetsRequestsThrough() {
        RedisRateBuckets away = new RedisRateBuckets("redis://127.0.0.1:1?timeout=2s", prefix, new RateSettings(0.01, 1));
        opened.add(away);
        assertThat(away.take("user:a").block()).isZero();
        assertThat(away.take("user:a").block()).isZero();
    }

    @Test
    void theStoreIsChosenByConfiguration() {
        RateLimitConfiguration configuration = new RateLimitConfiguration();
        RateSettings settings = new RateSettings(1, 1);
        assertThat(configuration.rateBuckets(settings, "", prefix)).isInstanceOf(MemoryRateBuckets.class);
        RateBuckets shared = configuration.rateBuckets(settings, REDIS, prefix);
        opened.add((AutoCloseable) shared);
        assertThat(shared).isInstanceOf(RedisRateBuckets.class);
    }

    private RedisRateBuckets redis(RateSettings settings) {
        RedisRateBuckets buckets = new RedisRateBuckets(REDIS, prefix, settings);
        opened.add(buckets);
        return buckets;
    }
}
