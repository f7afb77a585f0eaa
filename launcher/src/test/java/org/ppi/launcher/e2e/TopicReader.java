package org.ppi.launcher.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the documented topics from the beginning, as a downstream analytics consumer would. */
final class TopicReader {
    private TopicReader() {
    }

    /** CloudEvent id → (topic, type) of every event on the topics. */
    static Map<String, String[]> events(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "e2e-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        Map<String, String[]> result = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            int idle = 0;
            while (idle < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    result.put(header(record, "ce_id"), new String[] {record.topic(), header(record, "ce_type"), header(record, "ce_causationid")});
                }
            }
        }
        return result;
    }

    /** Every record of the topics from the beginning, in offset order per partition (until 3 s pass with none new). */
    static List<ConsumerRecord<String, byte[]>> records(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "e2e-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> result = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            int idle = 0;
            while (idle < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                records.forEach(result::add);
            }
        }
        return result;
    }

    /** A record's headers as text, by name (the last one of a name). */
    static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    /**
     * The machine's own limit for a replay: a plain consumer reading the topics from offset 0 to their end offsets
     * (assigned partitions, no group), records and seconds; measured in the same run as the replay it is set
     * beside.
     */
    static RawRead rawRead(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("enable.auto.commit", "false");
        props.put("max.poll.records", "500");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = new java.util.ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            long started = System.nanoTime();
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return new RawRead(read, (System.nanoTime() - started) / 1e9);
        }
    }

    record RawRead(long records, double seconds) {
        double perSecond() {
            return seconds == 0 ? 0 : records / seconds;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
