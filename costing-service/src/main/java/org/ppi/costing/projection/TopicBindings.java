package org.ppi.costing.projection;

import java.util.Collection;
import java.util.function.Consumer;

import org.apache.kafka.common.TopicPartition;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The three inputs (survey, catalog, value chain) and where each partition starts: always at the offset the
 * database recorded with the last applied event (the beginning when there is none, e.g. after a replay reset),
 * never at Kafka's committed offset, which can be ahead of or behind what the figures contain.
 */
@Configuration
public class TopicBindings {
    public static final String[] BINDINGS = {"surveyEvents-in-0", "catalogEvents-in-0", "valuechainEvents-in-0"};

    @Bean
    Consumer<Message<byte[]>> surveyEvents(CloudEventReader reader, CostingProjection projection) {
        return message -> apply(reader, projection, message);
    }

    @Bean
    Consumer<Message<byte[]>> catalogEvents(CloudEventReader reader, CostingProjection projection) {
        return message -> apply(reader, projection, message);
    }

    @Bean
    Consumer<Message<byte[]>> valuechainEvents(CloudEventReader reader, CostingProjection projection) {
        return message -> apply(reader, projection, message);
    }

    @Bean
    KafkaBindingRebalanceListener seekToRecordedOffsets(ConsumerOffsets offsets) {
        return new KafkaBindingRebalanceListener() {
            @Override
            public void onPartitionsAssigned(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                             Collection<TopicPartition> partitions, boolean initial) {
                for (TopicPartition partition : partitions) {
                    Long next = offsets.next(partition.topic(), partition.partition());
                    if (next == null) {
                        consumer.seekToBeginning(java.util.List.of(partition));
                    } else {
                        consumer.seek(partition, next);
                    }
                }
            }
        };
    }

    private static void apply(CloudEventReader reader, CostingProjection projection, Message<byte[]> message) {
        EventEnvelope event = reader.read(message);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        projection.apply(event, partition == null ? 0 : partition, offset == null ? -1 : offset);
    }
}
