package org.ppi.budget.projection;

import java.util.List;
import java.util.function.Consumer;

import org.ppi.contracts.Topics;
import org.ppi.platform.projection.ProjectionTransaction;
import org.ppi.platform.projection.ReplayPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The inputs of the budget (costing, value chain, and the survey's institution settings), and what a replay (of every institution or of one) rebuilds. */
@Configuration
class TopicBindings {

    @Bean
    Consumer<Message<List<byte[]>>> costingEvents(ProjectionTransaction tx, BudgetProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    @Bean
    Consumer<Message<List<byte[]>>> valuechainEvents(ProjectionTransaction tx, BudgetProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    /** Only the institution's settings matter here (its fiscal year); the projection skips every other survey event. */
    @Bean
    Consumer<Message<List<byte[]>>> surveyEvents(ProjectionTransaction tx, BudgetProjection projection) {
        return batch -> tx.acceptBatch(batch, projection);
    }

    @Bean
    ReplayPlan budgetReplay(Ledgers ledgers, ProjectionTransaction tx, BudgetProjection projection) {
        return new ReplayPlan(List.of("costingEvents-in-0", "valuechainEvents-in-0", "surveyEvents-in-0"),
                List.of(Topics.COSTING, Topics.VALUECHAIN, Topics.SURVEY),
                List.of("program_budget", "budget_summary"),
                ledgers::clear, tx, projection);
    }
}
