package org.ppi.budget.projection;

import java.util.List;
import java.util.function.Consumer;

import org.ppi.contracts.Topics;
import org.ppi.platform.projection.ProjectionTransaction;
import org.ppi.platform.projection.ReplayPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The inputs of the budget (costing, value chain, and the survey's institution settings — the projection skips every
 * other survey event) through one binding ({@value #BINDING}, one consumer subscribed to the three topics, see
 * application.yml), and what a replay (of every institution or of one) rebuilds.
 */
@Configuration
class TopicBindings {
    static final String BINDING = "inputs-in-0";

    @Bean
    Consumer<Message<List<byte[]>>> inputs(ProjectionTransaction tx, BudgetProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    @Bean
    ReplayPlan budgetReplay(Ledgers ledgers, ProjectionTransaction tx, BudgetProjection projection) {
        return new ReplayPlan(List.of(BINDING), List.of(Topics.COSTING, Topics.VALUECHAIN, Topics.SURVEY),
                List.of("program_budget", "budget_summary", "figure_version"),
                ledgers::clear, tx, projection);
    }
}
