package org.ppi.platform.relay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Switched on by {@code ppi.relay.topic} in the write services. */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.config.ConfigurerModule")
@ConditionalOnProperty("ppi.relay.topic")
@org.springframework.context.annotation.Import(AxonApiErrorHandler.class)
public class RelayConfiguration {

    @Bean
    public KafkaRelay kafkaRelay(KafkaTemplate<String, byte[]> kafka, JsonMapper json,
                                 @Value("${ppi.relay.topic}") String topic,
                                 @Value("${spring.application.name}") String service) {
        return new KafkaRelay(kafka, json, topic, service);
    }

    /** The relay is a tracking processor whose failures propagate: the token waits, the event is retried. */
    @Bean
    public ConfigurerModule kafkaRelayProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaRelay.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    public ActorCommandGateway actorCommandGateway(org.axonframework.commandhandling.gateway.CommandGateway gateway) {
        return new ActorCommandGateway(gateway);
    }

    /** Keeps Axon's correlationId (the causing message) and traceId (the first message) on every event. */
    @Bean
    public CorrelationDataProvider ppiMessageOrigin() {
        return new org.axonframework.messaging.correlation.MessageOriginProvider();
    }

    /** Copies the tenant, the acting user and the interview from a command to the events it causes. */
    @Bean
    public CorrelationDataProvider ppiCommandMetadata() {
        return new SimpleCorrelationDataProvider(CommandMetadata.TENANT, CommandMetadata.ACTOR, CommandMetadata.INTERVIEW);
    }
}
