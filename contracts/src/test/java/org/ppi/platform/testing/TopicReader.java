package org.ppi.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a service published: a fresh consumer (a random group, nothing committed) reads the topic from the
 * earliest offset. Records are keyed by String and carry the CloudEvent body as bytes.
 */
public final class TopicReader {
    private static final Duration POLL = Duration.ofMillis(500);

    private TopicReader() {
    }

    /** At least {@code atLeast} records of the topic, within 30 s. */
    public static List<ConsumerRecord<String, byte[]>> readAtLeast(String bootstrapServers, String topic, int atLeast) {
        return readAtLeast(bootstrapServers, topic, atLeast, Duration.ofSeconds(30), Duration.ZERO);
    }

    /**
     * Polls until at least {@code atLeast} records arrived or the timeout passed, then (unless {@code settle} is
     * zero) polls once more for {@code settle}, so that records beyond the expected ones show up too; asserts that
     * at least {@code atLeast} were read.
     */
    public static List<ConsumerRecord<String, byte[]>> readAtLeast(String bootstrapServers, String topic, int atLeast,
                                                                   Duration timeout, Duration settle) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer(bootstrapServers, topic)) {
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < atLeast && Instant.now().isBefore(deadline)) {
                consumer.poll(POLL).forEach(records::add);
            }
            if (!settle.isZero()) {
                consumer.poll(settle).forEach(records::add);
            }
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(atLeast);
        return records;
    }

    /** The first record of the topic that matches, within the timeout; fails naming what was looked for. */
    public static ConsumerRecord<String, byte[]> first(String bootstrapServers, String topic, Duration timeout,
                                                       String description,
                                                       Predicate<ConsumerRecord<String, byte[]>> match) {
        try (Consumer<String, byte[]> consumer = consumer(bootstrapServers, topic)) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No " + description + " on " + topic + " within " + timeout.toSeconds() + " s");
    }

    /** A Kafka header as text (a CloudEvent attribute is ce_&lt;name&gt;), or "" when the record has none. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Consumer<String, byte[]> consumer(String bootstrapServers, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "test-reader-" + UUID.randomUUID());
        props.put("enable.auto.commit", false);
        props.put("session.timeout.ms", "60000");
        props.put("auto.offset.reset", "earliest");
        Consumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
