package org.ppi.platform.testing;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.ppi.contracts.CloudEventExtensions;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a contract event on a topic the way an upstream service would: a binary-mode CloudEvent (ce_* headers,
 * JSON body) keyed by the event's institution and subjected by its aggregate, typed by {@link EventTypes#typeOf}, and carrying the
 * tenant, acting user and recording time extensions. Each send waits for the broker's acknowledgement.
 */
public final class CloudEventPublisher {
    /** The source of every test event; no consumer reads it. */
    public static final URI SOURCE = URI.create("/ppi/test");

    private CloudEventPublisher() {
    }

    /** Publishes the event under a random id, recorded (and timed) at {@code recordedAt}. */
    public static CloudEvent publish(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String topic,
                                     PpiEvent event, Instant recordedAt) throws InterruptedException, ExecutionException {
        return publish(kafka, json, topic, event, recordedAt, UUID.randomUUID().toString());
    }

    /** Publishes the event under the given CloudEvent id, recorded (and timed) at {@code recordedAt}. */
    public static CloudEvent publish(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String topic,
                                     PpiEvent event, Instant recordedAt, String id)
            throws InterruptedException, ExecutionException {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withType(EventTypes.typeOf(event.getClass()))
                .withSource(SOURCE).withSubject(event.aggregateId()).withTime(recordedAt.atOffset(ZoneOffset.UTC))
                .withData(json.writeValueAsBytes(event))
                .withExtension(CloudEventExtensions.TENANT, event.institutionId())
                .withExtension(CloudEventExtensions.RECORDED, recordedAt.toString());
        if (event.actingUser() != null) {
            builder.withExtension(CloudEventExtensions.ACTOR, event.actingUser());
        }
        CloudEvent cloudEvent = builder.build();
        send(kafka, topic, event.institutionId(), cloudEvent);
        return cloudEvent;
    }

    /** Sends a CloudEvent as it is (a redelivery, say) under the given key; answers where it landed. */
    public static RecordMetadata send(KafkaTemplate<String, byte[]> kafka, String topic, String key,
                                      CloudEvent cloudEvent) throws InterruptedException, ExecutionException {
        return kafka.send(KafkaMessageFactory.createWriter(topic, key).writeBinary(cloudEvent)).get().getRecordMetadata();
    }
}
