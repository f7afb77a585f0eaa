package org.ppi.valuechain.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.contracts.catalog.ProductType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ValueChainDirectory} over the service's read models and catalog replica. */
@Component
class JdbcValueChainDirectory implements ValueChainDirectory {
    private final JdbcClient jdbc;

    JdbcValueChainDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean impactExists(String institutionId, String impactId) {
        return jdbc.sql("select count(*) from impact_view where institution_id = ? and impact_id = ?")
                .params(institutionId, impactId).query(Long.class).single() > 0;
    }

    @Override
    public boolean resultExists(String institutionId, String resultId) {
        return jdbc.sql("select count(*) from result_view where institution_id = ? and result_id = ?")
                .params(institutionId, resultId).query(Long.class).single() > 0;
    }

    @Override
    public Optional<ProductFacts> product(String institutionId, String productId) {
        return jdbc.sql("select product_id, product_type, active from known_product where institution_id = ? and product_id = ?")
                .params(institutionId, productId)
                .query((rs, i) -> new ProductFacts(rs.getString(1), ProductType.valueOf(rs.getString(2)), rs.getBoolean(3)))
                .optional();
    }

    @Override
    public Optional<ChainFacts> chain(String institutionId, String chainId) {
        return jdbc.sql("select chain_id, terminal_product_id, retired from chain_view where institution_id = ? and chain_id = ?")
                .params(institutionId, chainId)
                .query((rs, i) -> new ChainFacts(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional();
    }

    @Override
    public Optional<String> activeChainWithTerminal(String institutionId, String terminalProductId) {
        return jdbc.sql("select chain_id from chain_view where institution_id = ? and terminal_product_id = ? "
                        + "and retired = false order by chain_id")
                .params(institutionId, terminalProductId).query(String.class).list().stream().findFirst();
    }

    @Override
    public List<LinkEdge> links(String institutionId) {
        return jdbc.sql("select l.intermediate_product_id, l.feeds_product_id from chain_link l "
                        + "join chain_view c on c.chain_id = l.chain_id and c.institution_id = l.institution_id "
                        + "where l.institution_id = ? and c.retired = false")
                .param(institutionId)
                .query((rs, i) -> new LinkEdge(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public List<RecordedLink> recordedLinks(String institutionId) {
        return jdbc.sql("select l.chain_id, l.intermediate_product_id, l.feeds_product_id, l.updated_at from chain_link l "
                        + "join chain_view c on c.chain_id = l.chain_id and c.institution_id = l.institution_id "
                        + "where l.institution_id = ? and c.retired = false "
                        + "order by l.chain_id, l.intermediate_product_id, l.feeds_product_id")
                .param(institutionId)
                .query((rs, i) -> new RecordedLink(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    @Override
    public Map<String, String> mergedInto(String institutionId) {
        Map<String, String> merges = new LinkedHashMap<>();
        jdbc.sql("select product_id, merged_into from known_product where institution_id = ? and merged_into is not null")
                .param(institutionId)
                .query(rs -> {
                    merges.put(rs.getString(1), rs.getString(2));
                });
        return merges;
    }

    @Override
    public void lockLinkGraph(String institutionId) {
        // ON CONFLICT DO NOTHING: a second first-ever writer waits for the first and then finds the row
        jdbc.sql("insert into link_graph_lock (institution_id, writes) values (?, 0) on conflict do nothing")
                .param(institutionId).update();
        jdbc.sql("update link_graph_lock set writes = writes + 1 where institution_id = ?").param(institutionId).update();
    }

    @Override
    public Optional<String> programWithCode(String institutionId, String code) {
        return jdbc.sql("select program_id from program_view where institution_id = ? and code = ?")
                .params(institutionId, code).query(String.class).optional();
    }

    @Override
    public Optional<String> programOfChain(String institutionId, String chainId) {
        return jdbc.sql("select program_id from program_chain where institution_id = ? and chain_id = ?")
                .params(institutionId, chainId).query(String.class).optional();
    }

    @Override
    public boolean programDelivers(String institutionId, String programId, String productId) {
        long viaChain = jdbc.sql("select count(*) from program_chain pc join chain_view c on c.chain_id = pc.chain_id "
                        + "and c.institution_id = pc.institution_id where pc.institution_id = ? and pc.program_id = ? "
                        + "and c.retired = false and c.terminal_product_id = ?")
                .params(institutionId, programId, productId).query(Long.class).single();
        if (viaChain > 0) {
            return true;
        }
        long viaActivity = jdbc.sql("select count(*) from activity_view a join known_product k "
                        + "on k.product_id = a.product_id and k.institution_id = a.institution_id "
                        + "where a.institution_id = ? and a.program_id = ? and a.product_id = ? and a.kind = 'COMMON' "
                        + "and k.product_type = 'TERMINAL'")
                .params(institutionId, programId, productId).query(Long.class).single();
        return viaActivity > 0;
    }
}
