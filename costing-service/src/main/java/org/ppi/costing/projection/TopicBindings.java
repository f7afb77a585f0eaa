package org.ppi.costing.projection;

import java.util.List;
import java.util.function.Consumer;

import org.ppi.platform.projection.ProjectionTransaction;
import org.ppi.platform.projection.ReplayPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The three inputs of costing (survey, catalog, value chain), and what a replay (of every institution or of one) rebuilds. */
@Configuration
class TopicBindings {

    @Bean
    Consumer<Message<List<byte[]>>> surveyEvents(ProjectionTransaction tx, CostingProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    @Bean
    Consumer<Message<List<byte[]>>> catalogEvents(ProjectionTransaction tx, CostingProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    @Bean
    Consumer<Message<List<byte[]>>> valuechainEvents(ProjectionTransaction tx, CostingProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    @Bean
    ReplayPlan costingReplay(Ledgers ledgers, ProjectionTransaction tx, CostingProjection projection) {
        return new ReplayPlan(List.of("surveyEvents-in-0", "catalogEvents-in-0", "valuechainEvents-in-0"),
                List.of("ppi.survey.events", "ppi.catalog.events", "ppi.valuechain.events"),
                List.of("product_cost", "employee_cost", "center_cost", "institution_cost"),
                ledgers::clear, tx, projection);
    }
}
