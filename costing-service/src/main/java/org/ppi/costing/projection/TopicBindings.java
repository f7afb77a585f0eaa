package org.ppi.costing.projection;

import java.util.List;
import java.util.function.Consumer;

import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.ReplayPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/** The three inputs of costing (survey, catalog, value chain), and what a replay rebuilds. */
@Configuration
class TopicBindings {

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
    ReplayPlan costingReplay(Ledgers ledgers, CostingProjection projection) {
        return new ReplayPlan(List.of("surveyEvents-in-0", "catalogEvents-in-0", "valuechainEvents-in-0"),
                List.of("ppi.survey.events", "ppi.catalog.events", "ppi.valuechain.events"),
                List.of("product_cost", "employee_cost", "center_cost", "institution_cost", "recalculation_log"),
                ledgers::clear, projection);
    }

    private static void apply(CloudEventReader reader, CostingProjection projection, Message<byte[]> message) {
        EventEnvelope event = reader.read(message);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        projection.apply(event, partition == null ? 0 : partition, offset == null ? -1 : offset);
    }
}
