package org.ppi.catalog.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link CatalogDirectory} over the survey replica and the product read model. */
@Component
class JdbcCatalogDirectory implements CatalogDirectory {
    private final JdbcClient jdbc;

    JdbcCatalogDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CenterFacts> center(String institutionId, String centerId) {
        return jdbc.sql("select center_id, closed from center_replica where institution_id = ? and center_id = ?")
                .params(institutionId, centerId)
                .query((rs, i) -> new CenterFacts(rs.getString(1), rs.getBoolean(2))).optional();
    }

    @Override
    public Optional<ProductFacts> product(String institutionId, String productId) {
        return jdbc.sql("select product_id, status from product_view where institution_id = ? and product_id = ?")
                .params(institutionId, productId)
                .query((rs, i) -> new ProductFacts(rs.getString(1), "ACTIVE".equals(rs.getString(2)))).optional();
    }

    @Override
    public List<LinkFacts> links(String institutionId) {
        return jdbc.sql("select intermediate_product_id, feeds_product_id from link_replica where institution_id = ? "
                        + "order by chain_id, intermediate_product_id, feeds_product_id")
                .param(institutionId).query((rs, i) -> new LinkFacts(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public Map<String, String> mergedInto(String institutionId) {
        Map<String, String> merges = new LinkedHashMap<>();
        jdbc.sql("select product_id, merged_into from product_view where institution_id = ? and merged_into is not null")
                .param(institutionId).query(rs -> {
                    merges.put(rs.getString(1), rs.getString(2));
                });
        return merges;
    }

    @Override
    public void lockMerges(String institutionId) {
        // ON CONFLICT DO NOTHING: a second first-ever merge waits for the first and then finds the row
        jdbc.sql("insert into merge_lock (institution_id, merges) values (?, 0) on conflict do nothing")
                .param(institutionId).update();
        jdbc.sql("update merge_lock set merges = merges + 1 where institution_id = ?").param(institutionId).update();
    }
}
