package org.ppi.budget.projection;

import java.util.List;
import java.util.function.Consumer;

import org.ppi.contracts.Topics;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.ReplayPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/** The two inputs of the budget (costing, value chain), and what a replay rebuilds. */
@Configuration
class TopicBindings {

    @Bean
    Consumer<Message<byte[]>> costingEvents(CloudEventReader reader, BudgetProjection projection) {
        return message -> apply(reader, projection, message);
    }

    @Bean
    Consumer<Message<byte[]>> valuechainEvents(CloudEventReader reader, BudgetProjection projection) {
        return message -> apply(reader, projection, message);
    }

    @Bean
    ReplayPlan budgetReplay(Ledgers ledgers, BudgetProjection projection) {
        return new ReplayPlan(List.of("costingEvents-in-0", "valuechainEvents-in-0"),
                List.of(Topics.COSTING, Topics.VALUECHAIN),
                List.of("program_budget", "budget_summary", "recalculation_log"),
                ledgers::clear, projection);
    }

    private static void apply(CloudEventReader reader, BudgetProjection projection, Message<byte[]> message) {
        EventEnvelope event = reader.read(message);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        projection.apply(event, partition == null ? 0 : partition, offset == null ? -1 : offset);
    }
}
