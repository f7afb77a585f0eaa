package org.ppi.platform.relay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.ppi.contracts.CloudEventExtensions;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes every event of the event store to the service's Kafka topic as a CloudEvent. It runs as the
 * tracking processor {@value #PROCESSING_GROUP}: its token advances only after Kafka acknowledged the send,
 * so a broker outage delays events and never loses them (at-least-once; consumers dedupe on the event id).
 *
 * <p>An event that fails for a reason of its own ({@link PublishFailure}: too large for the topic, not
 * writable) is tried {@code attempts} times and then parked in {@link ParkedEvents}, in the same transaction
 * as the token, and the relay goes on with the next event: one record never stops the topic for every
 * institution. The parked event stays in the event store; an operator sees and retries it through
 * {@link RelayController}. A deployment that already has such an event first in line parks it the same way
 * at start.
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {
    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final String topic;
    private final URI source;
    private final ParkedEvents parked;
    private final int attempts;
    private final Duration pause;

    public KafkaRelay(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String topic, String serviceName,
                      ParkedEvents parked, int attempts, Duration pause) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
        this.source = URI.create("/ppi/" + serviceName);
        this.parked = parked;
        this.attempts = Math.max(1, attempts);
        this.pause = pause;
    }

    @EventHandler
    public void relay(Object payload, EventMessage<?> message, TrackingToken token) throws Exception {
        PublishFailure failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                publish(payload, message);
                return;
            } catch (Exception e) {
                failure = PublishFailure.of(e);
                if (failure.transientFailure()) {
                    throw e; // the processor backs off and tries again; the token and every later event wait
                }
                if (attempt < attempts) {
                    Thread.sleep(pause.toMillis() * attempt);
                }
            }
        }
        park(payload, message, token, failure);
    }

    /** Sends one event and waits for the broker's acknowledgement. */
    public void publish(Object payload, EventMessage<?> message) throws Exception {
        kafka.send(KafkaMessageFactory.createWriter(topic, keyOf(payload, message)).writeBinary(toCloudEvent(payload, message)))
                .get(10, TimeUnit.SECONDS);
    }

    private void park(Object payload, EventMessage<?> message, TrackingToken token, PublishFailure failure) {
        Instant now = Instant.now();
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        String institution = payload instanceof PpiEvent ppi ? ppi.institutionId() : null;
        long globalIndex = token == null ? -1 : token.position().orElse(-1);
        parked.park(new ParkedEvents.ParkedEvent(message.getIdentifier(), globalIndex, storedAggregateOf(payload, message),
                sequence, typeName(payload), institution, failure.reason(), attempts, now, now, null));
        log.error("Relay parked event {} ({}, aggregate {}, institution {}) after {} tries: {}. It stays in the event "
                        + "store; see GET /api/…/admin/relay/parked and retry it once the cause is fixed.",
                message.getIdentifier(), typeName(payload), storedAggregateOf(payload, message), institution, attempts,
                failure.reason());
    }

    private static String typeName(Object payload) {
        try {
            return EventTypes.typeOf(payload.getClass());
        } catch (RuntimeException e) {
            return payload.getClass().getName();
        }
    }

    CloudEvent toCloudEvent(Object payload, EventMessage<?> message) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(EventTypes.typeOf(payload.getClass()))
                .withSource(source)
                .withSubject(subjectOf(payload, message))
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
        // CloudEvents distributed tracing extension (ce_traceparent, ce_tracestate): the command's trace goes on
        metadata(message, CloudEventExtensions.TRACEPARENT).ifPresent(v -> event.withExtension(CloudEventExtensions.TRACEPARENT, v));
        metadata(message, CloudEventExtensions.TRACESTATE).ifPresent(v -> event.withExtension(CloudEventExtensions.TRACESTATE, v));
        if (message instanceof DomainEventMessage<?> domain) {
            event.withExtension(CloudEventExtensions.SEQUENCE, domain.getSequenceNumber());
        }
        return event.build();
    }

    /**
     * The Kafka key: the institution ({@code ce_tenantid}). Every topic is partitioned by institution (the same
     * partition count everywhere), so partition i of every topic holds the same institutions and a projection
     * instance that owns it sees all of an institution's events, in order; an aggregate's order holds because the
     * key is coarser than the aggregate. An event that names no institution keeps its aggregate as key.
     */
    static String keyOf(Object payload, EventMessage<?> message) {
        if (payload instanceof PpiEvent ppi && ppi.institutionId() != null) {
            return ppi.institutionId();
        }
        return subjectOf(payload, message);
    }

    /**
     * {@code ce_subject}: the client's id of the aggregate, as the event names it; with {@code ce_tenantid} it names
     * the aggregate. The event store's identifier ({@link org.ppi.platform.tenancy.ScopedId}) stays inside the
     * service.
     */
    private static String subjectOf(Object payload, EventMessage<?> message) {
        if (payload instanceof PpiEvent ppi) {
            return ppi.aggregateId();
        }
        return storedAggregateOf(payload, message);
    }

    /** The stream the event is stored in: what a retry of a parked event reads again. */
    private static String storedAggregateOf(Object payload, EventMessage<?> message) {
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
