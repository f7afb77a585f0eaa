package org.ppi.costing.projection;

import java.util.List;
import java.util.function.Consumer;

import org.ppi.contracts.Topics;
import org.ppi.platform.projection.ProjectionTransaction;
import org.ppi.platform.projection.ReplayPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The three inputs of costing (survey, catalog, value chain) through one binding ({@value #BINDING}, one consumer
 * subscribed to the three topics, see application.yml), and what a replay (of every institution or of one) rebuilds.
 */
@Configuration
class TopicBindings {
    static final String BINDING = "inputs-in-0";

    @Bean
    Consumer<Message<List<byte[]>>> inputs(ProjectionTransaction tx, CostingProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    @Bean
    ReplayPlan costingReplay(Ledgers ledgers, ProjectionTransaction tx, CostingProjection projection) {
        return new ReplayPlan(List.of(BINDING), List.of(Topics.SURVEY, Topics.CATALOG, Topics.VALUECHAIN),
                List.of("product_cost", "employee_cost", "center_cost", "institution_cost", "figure_version"),
                ledgers::clear, tx, projection);
    }
}
