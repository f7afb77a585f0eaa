package org.ppi.platform.relay;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.ppi.platform.tenancy.ScopedStoreCheck;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Switched on by {@code ppi.relay.topic} in the write services. */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.config.ConfigurerModule")
@ConditionalOnProperty("ppi.relay.topic")
@org.springframework.context.annotation.Import(AxonApiErrorHandler.class)
public class RelayConfiguration {

    /**
     * The service's topic, created at start with the platform's partition count ({@code ppi.kafka.partitions}) rather
     * than whatever the broker's default is when the first record arrives: the relay keys by institution, and the
     * projections need partition i of every topic to hold the same institutions.
     */
    @Bean
    public org.apache.kafka.clients.admin.NewTopic relayTopic(@Value("${ppi.relay.topic}") String topic,
                                                              @Value("${ppi.kafka.partitions:3}") int partitions) {
        return org.springframework.kafka.config.TopicBuilder.name(topic).partitions(partitions).build();
    }

    /** Fails the start on an event store written before ids were scoped per institution. */
    @Bean
    public SmartInitializingSingleton scopedStoreCheck(JdbcClient jdbc) {
        return () -> ScopedStoreCheck.requireScopedStore(jdbc);
    }

    @Bean
    public ParkedEvents parkedEvents(JdbcClient jdbc) {
        return new ParkedEvents(jdbc);
    }

    @Bean
    public KafkaRelay kafkaRelay(KafkaTemplate<String, byte[]> kafka, JsonMapper json, ParkedEvents parked,
                                 @Value("${ppi.relay.topic}") String topic,
                                 @Value("${spring.application.name}") String service,
                                 @Value("${ppi.relay.attempts:3}") int attempts,
                                 @Value("${ppi.relay.attempt-pause:PT0.5S}") Duration pause) {
        return new KafkaRelay(kafka, json, topic, service, parked, attempts, pause);
    }

    @Bean
    public RelayLag relayLag(JdbcClient jdbc, EventProcessingConfiguration processing, ParkedEvents parked, JsonMapper json) {
        return new RelayLag(jdbc, processing, parked, json);
    }

    /** The relay's backlog for Prometheus (ppi_relay_behind_events, ppi_relay_parked_events, ppi_relay_retrying). */
    @Bean
    public RelayMeters relayMeters(RelayLag lag, @Value("${ppi.relay.topic}") String topic,
                                   @Value("${ppi.metrics.refresh:PT1S}") Duration refresh) {
        return new RelayMeters(lag, topic, refresh);
    }

    @Bean
    public RelayHealth relayHealthIndicator(RelayLag lag, @Value("${ppi.relay.behind-threshold:1000}") long threshold) {
        return new RelayHealth(lag, threshold);
    }

    @Bean
    public RelayController relayController(RelayLag lag, ParkedEvents parked, EventStore events, KafkaRelay relay,
                                           TopicLimit limit) {
        return new RelayController(lag, parked, events, relay, limit);
    }

    /** What the topic accepts, asked of the broker every {@code ppi.relay.limit-refresh}. */
    @Bean
    public TopicLimit topicLimit(KafkaAdmin admin, KafkaProperties kafka, @Value("${ppi.relay.topic}") String topic,
                                 @Value("${ppi.relay.limit-refresh:PT5M}") Duration refresh) {
        Object producerLimit = kafka.getProducer().getProperties().getOrDefault("max.request.size", "1048576");
        return new TopicLimit(admin, topic, Integer.parseInt(producerLimit.toString()), refresh, Clock.systemUTC());
    }

    /** Checks every event's size on the event bus, inside the command's unit of work (before it is stored). */
    @Bean
    public EventSizeLimit eventSizeLimit(JsonMapper json, TopicLimit limit, EventBus eventBus) {
        EventSizeLimit check = new EventSizeLimit(json, limit::bytes);
        eventBus.registerDispatchInterceptor(check);
        return check;
    }

    /** The relay is a tracking processor whose failures propagate: the token waits, the event is retried. */
    @Bean
    public ConfigurerModule kafkaRelayProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaRelay.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    public ActorCommandGateway actorCommandGateway(org.axonframework.commandhandling.gateway.CommandGateway gateway,
                                                   org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
                                                   org.springframework.beans.factory.ObjectProvider<org.ppi.platform.tracing.Traces> traces) {
        return new ActorCommandGateway(gateway, meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                traces.getIfAvailable(() -> org.ppi.platform.tracing.Traces.NONE));
    }

    /** Keeps Axon's correlationId (the causing message) and traceId (the first message) on every event. */
    @Bean
    public CorrelationDataProvider ppiMessageOrigin() {
        return new org.axonframework.messaging.correlation.MessageOriginProvider();
    }

    /**
     * Copies the tenant, the acting user, the interview and the W3C trace context from a command to the events it
     * causes (so the event store keeps each event's {@code traceparent} and the relay puts it on the record).
     */
    @Bean
    public CorrelationDataProvider ppiCommandMetadata() {
        return new SimpleCorrelationDataProvider(CommandMetadata.TENANT, CommandMetadata.ACTOR, CommandMetadata.INTERVIEW,
                org.ppi.platform.tracing.Traces.TRACEPARENT, org.ppi.platform.tracing.Traces.TRACESTATE);
    }
}
