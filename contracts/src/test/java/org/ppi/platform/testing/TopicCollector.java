package org.ppi.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the start in the background (a fresh group, nothing committed) and keeps every record, for a test
 * to look into while the service goes on publishing: a projection's dead-letter and audit topics, say. Fetches up to
 * 4 MiB a partition, so a dead letter of the largest record is read whole.
 */
public final class TopicCollector implements AutoCloseable {
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private final Thread thread;

    private TopicCollector(String brokers, List<String> topics) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", brokers);
        props.put("group.id", "test-collector-" + UUID.randomUUID());
        props.put("enable.auto.commit", false);
        props.put("auto.offset.reset", "earliest");
        props.put("max.partition.fetch.bytes", 4 * 1024 * 1024);
        thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(topics);
                while (running) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
        }, "test-topic-collector");
        thread.setDaemon(true);
        thread.start();
    }

    public static TopicCollector start(String brokers, List<String> topics) {
        return new TopicCollector(brokers, topics);
    }

    /** The first record of the topic with this header value, or null. */
    public ConsumerRecord<String, byte[]> find(String topic, String header, String value) {
        return records.stream().filter(r -> r.topic().equals(topic) && value.equals(header(r, header))).findFirst()
                .orElse(null);
    }

    /** The first record of the topic with this key and ce_type, or null. */
    public ConsumerRecord<String, byte[]> findByKey(String topic, String key, String type) {
        return records.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())
                && type.equals(header(r, "ce_type"))).findFirst().orElse(null);
    }

    /** Every record of the topic read so far, in the order read. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    public long count(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).count();
    }

    /** How many records of each ce_type the topic holds. */
    public Map<String, Long> types(String topic) {
        Map<String, Long> types = new TreeMap<>();
        records.stream().filter(r -> r.topic().equals(topic)).forEach(r -> types.merge(header(r, "ce_type"), 1L, Long::sum));
        return types;
    }

    /** A header as UTF-8 text, or "" when the record has none. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
