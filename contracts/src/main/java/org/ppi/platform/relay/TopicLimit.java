package org.ppi.platform.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The largest record the relay's topic accepts: the smaller of the topic's {@code max.message.bytes} (read
 * from the broker, re-read every {@code refresh}) and the producer's {@code max.request.size}. While the broker
 * cannot be asked, the last value read (or the producer's limit) stands; a topic changed in between is caught
 * by the relay, which parks what no longer fits.
 */
public class TopicLimit {
    private static final Logger log = LoggerFactory.getLogger(TopicLimit.class);

    private final KafkaAdmin admin;
    private final String topic;
    private final int producerLimit;
    private final Duration refresh;
    private final Clock clock;
    private volatile int bytes;
    private volatile Instant readAt = Instant.MIN;

    public TopicLimit(KafkaAdmin admin, String topic, int producerLimit, Duration refresh, Clock clock) {
        this.admin = admin;
        this.topic = topic;
        this.producerLimit = producerLimit;
        this.refresh = refresh;
        this.clock = clock;
        this.bytes = producerLimit;
    }

    public int bytes() {
        Instant now = clock.instant();
        if (readAt.plus(refresh).isBefore(now)) {
            synchronized (this) {
                if (readAt.plus(refresh).isBefore(now)) {
                    bytes = Math.min(producerLimit, topicLimit().orElse(bytes));
                    readAt = now;
                }
            }
        }
        return bytes;
    }

    /** Reads the limit again at the next {@link #bytes()}: an operator who fixed the topic retries right after. */
    public void forget() {
        readAt = Instant.MIN;
    }

    private java.util.OptionalInt topicLimit() {
        Map<String, Object> config = new java.util.HashMap<>(admin.getConfigurationProperties());
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 3000);
        try (AdminClient client = AdminClient.create(config)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Map<ConfigResource, Config> configs = client.describeConfigs(List.of(resource)).all().get(3, TimeUnit.SECONDS);
            var entry = configs.get(resource).get("max.message.bytes");
            return entry == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(Integer.parseInt(entry.value()));
        } catch (Exception e) {
            // Unknown topic (created on first publish, with the broker's default) or broker away: keep what we know.
            log.debug("Cannot read max.message.bytes of {}: {}", topic, e.toString());
            return java.util.OptionalInt.empty();
        }
    }
}
