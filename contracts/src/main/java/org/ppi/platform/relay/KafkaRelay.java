package org.ppi.platform.relay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.CloudEventExtensions;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes every event of the event store to the service's Kafka topic as a CloudEvent. It runs as the
 * tracking processor {@value #PROCESSING_GROUP}: its token advances only after Kafka acknowledged the send,
 * so a broker outage delays events and never loses them (at-least-once; consumers dedupe on the event id).
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {
    public static final String PROCESSING_GROUP = "kafka-relay";

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final String topic;
    private final URI source;

    public KafkaRelay(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String topic, String serviceName) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
        this.source = URI.create("/ppi/" + serviceName);
    }

    @EventHandler
    public void relay(Object payload, EventMessage<?> message) throws Exception {
        kafka.send(KafkaMessageFactory.createWriter(topic, keyOf(payload, message)).writeBinary(toCloudEvent(payload, message)))
                .get(10, TimeUnit.SECONDS);
    }

    CloudEvent toCloudEvent(Object payload, EventMessage<?> message) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(EventTypes.typeOf(payload.getClass()))
                .withSource(source)
                .withSubject(keyOf(payload, message))
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8))
                .withExtension(CloudEventExtensions.RECORDED, message.getTimestamp().toString());
        if (payload instanceof PpiEvent ppi) {
            event.withExtension(CloudEventExtensions.TENANT, ppi.institutionId());
            event.withExtension(CloudEventExtensions.ACTOR, ppi.actingUser());
        }
        metadata(message, "correlationId").ifPresent(v -> event.withExtension(CloudEventExtensions.CAUSATION, v));
        metadata(message, "traceId").ifPresent(v -> event.withExtension(CloudEventExtensions.CORRELATION, v));
        metadata(message, CommandMetadata.INTERVIEW).ifPresent(v -> event.withExtension(CloudEventExtensions.INTERVIEW, v));
        if (message instanceof DomainEventMessage<?> domain) {
            event.withExtension(CloudEventExtensions.SEQUENCE, domain.getSequenceNumber());
        }
        return event.build();
    }

    private static String keyOf(Object payload, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return payload instanceof PpiEvent ppi ? ppi.aggregateId() : message.getIdentifier();
    }

    private static java.util.Optional<String> metadata(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? java.util.Optional.empty() : java.util.Optional.of(value.toString());
    }
}
