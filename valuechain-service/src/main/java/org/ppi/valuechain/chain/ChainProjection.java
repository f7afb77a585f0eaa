package org.ppi.valuechain.chain;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.valuechain.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps chain_view and chain_link in the command's transaction (the cycle check reads chain_link). */
@Component
@ProcessingGroup("directory")
public class ChainProjection {
    private final JdbcClient jdbc;

    public ChainProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ValueChainDefined e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into chain_view (chain_id, institution_id, name, result_id, terminal_product_id, retired, "
                        + "retired_reason, last_event_id, updated_by, updated_at) values (?,?,?,?,?,false,null,?,?,?)")
                .params(e.chainId(), e.institutionId(), e.name(), e.resultId(), e.terminalProductId(), s.eventId(),
                        s.user(), s.at())
                .update();
    }

    @EventHandler
    public void on(IntermediateLinked e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        int updated = jdbc.sql("update chain_link set weight = ?, last_event_id = ?, updated_by = ?, updated_at = ? "
                        + "where institution_id = ? and chain_id = ? and intermediate_product_id = ? "
                        + "and feeds_product_id = ?")
                .params(e.weight(), s.eventId(), s.user(), s.at(), e.institutionId(), e.chainId(),
                        e.intermediateProductId(), e.feedsProductId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into chain_link (chain_id, intermediate_product_id, feeds_product_id, institution_id, weight, "
                            + "last_event_id, updated_by, updated_at) values (?,?,?,?,?,?,?,?)")
                    .params(e.chainId(), e.intermediateProductId(), e.feedsProductId(), e.institutionId(), e.weight(),
                            s.eventId(), s.user(), s.at())
                    .update();
        }
    }

    @EventHandler
    public void on(IntermediateUnlinked e) {
        jdbc.sql("delete from chain_link where institution_id = ? and chain_id = ? and intermediate_product_id = ? "
                        + "and feeds_product_id = ?")
                .params(e.institutionId(), e.chainId(), e.intermediateProductId(), e.feedsProductId()).update();
    }

    @EventHandler
    public void on(ValueChainRetired e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("update chain_view set retired = true, retired_reason = ?, last_event_id = ?, updated_by = ?, "
                        + "updated_at = ? where institution_id = ? and chain_id = ?")
                .params(e.reason(), s.eventId(), s.user(), s.at(), e.institutionId(), e.chainId()).update();
    }
}
