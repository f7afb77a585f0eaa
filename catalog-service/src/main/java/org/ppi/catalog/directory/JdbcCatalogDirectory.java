package org.ppi.catalog.directory;

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
}
