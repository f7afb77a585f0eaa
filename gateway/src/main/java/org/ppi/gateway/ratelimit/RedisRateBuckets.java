package org.ppi.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway instance: one atomic script per request (token-bucket.lua). When
 * Redis cannot be reached the request passes (logged): the limiter protects the services, it must not become
 * the outage itself.
 */
final class RedisRateBuckets implements RateBuckets, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisRateBuckets.class);
    private static final String SCRIPT = script();

    private final RedisClient client;
    private final RedisURI uri;
    private final RateSettings settings;
    private final String prefix;
    private final String digest;
    private final AtomicReference<StatefulRedisConnection<String, String>> connection = new AtomicReference<>();

    RedisRateBuckets(String uri, String prefix, RateSettings settings) {
        this.client = RedisClient.create();
        this.settings = settings;
        this.prefix = prefix;
        this.uri = RedisURI.create(uri);
        this.digest = sha1(SCRIPT);
    }

    @Override
    public Mono<Long> take(String key) {
        String[] keys = {prefix + key};
        String rate = Double.toString(settings.perSecond());
        String burst = Double.toString(settings.burst());
        return connection()
                .map(StatefulRedisConnection::reactive)
                .flatMap(redis -> redis.<Long>evalsha(digest, ScriptOutputType.INTEGER, keys, rate, burst).next()
                        .onErrorResume(RedisNoScriptException.class,
                                e -> redis.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, rate, burst).next()))
                .onErrorResume(e -> {
                    log.warn("Rate limit store unreachable, request let through: {}", e.toString());
                    return Mono.just(0L);
                });
    }

    /** Connects on first use (and again after a failed connect), so the gateway starts while Redis is away. */
    private Mono<StatefulRedisConnection<String, String>> connection() {
        StatefulRedisConnection<String, String> current = connection.get();
        if (current != null) {
            return Mono.just(current);
        }
        return Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, uri))
                .map(opened -> {
                    if (connection.compareAndSet(null, opened)) {
                        return opened;
                    }
                    opened.closeAsync();
                    return connection.get();
                });
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection.getAndSet(null);
        if (current != null) {
            current.close();
        }
        client.shutdown();
    }

    private static String script() {
        try {
            return new ClassPathResource("ratelimit/token-bucket.lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
