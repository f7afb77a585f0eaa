package org.ppi.catalog.chain;

import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.inbox.InboxConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's replica of the value-chain topic: the links of active chains, so a merge that would make
 * costing's graph cycle is refused at the door. The replica may lag the value chain by a moment; a merge and
 * a link accepted in that moment are re-checked in valuechain-service, which sees both (its CycleGuard).
 */
@Configuration
public class ValueChainReplica {
    private final JdbcClient jdbc;

    public ValueChainReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    InboxConsumer valuechainEvents(CloudEventReader reader, Inbox inbox, TransactionTemplate tx) {
        return new InboxConsumer(reader, inbox, tx, this::apply);
    }

    public void apply(EventEnvelope event) {
        Object payload = event.payload();
        if (payload instanceof IntermediateLinked e) {
            // a new weight on an existing link is the same edge; a replayed topic must not fail on the key
            int updated = jdbc.sql("update link_replica set last_event_id = ? where institution_id = ? and chain_id = ? "
                            + "and intermediate_product_id = ? and feeds_product_id = ?")
                    .params(event.id(), e.institutionId(), e.chainId(), e.intermediateProductId(), e.feedsProductId())
                    .update();
            if (updated == 0) {
                jdbc.sql("insert into link_replica (institution_id, chain_id, intermediate_product_id, feeds_product_id, "
                                + "last_event_id) values (?,?,?,?,?)")
                        .params(e.institutionId(), e.chainId(), e.intermediateProductId(), e.feedsProductId(), event.id())
                        .update();
            }
        } else if (payload instanceof IntermediateUnlinked e) {
            jdbc.sql("delete from link_replica where institution_id = ? and chain_id = ? and intermediate_product_id = ? "
                            + "and feeds_product_id = ?")
                    .params(e.institutionId(), e.chainId(), e.intermediateProductId(), e.feedsProductId()).update();
        } else if (payload instanceof ValueChainRetired e) {
            jdbc.sql("delete from link_replica where institution_id = ? and chain_id = ?")
                    .params(e.institutionId(), e.chainId()).update();
        }
    }
}
