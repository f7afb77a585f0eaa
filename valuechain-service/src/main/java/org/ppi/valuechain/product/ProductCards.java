package org.ppi.valuechain.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.contracts.catalog.ProductType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Products of the catalog replica as the views show them: with their description and their center's name. */
@Component
public class ProductCards {
    private static final String SELECT = "select p.product_id, p.name, p.description, p.product_type, p.core, p.active, "
            + "p.merged_into, p.center_id, c.name from known_product p "
            + "left join known_center c on c.center_id = p.center_id and c.institution_id = p.institution_id ";

    private final JdbcClient jdbc;

    public ProductCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CenterRef(String id, String name) {
    }

    public record ProductCard(String id, String name, String description, ProductType type, boolean core,
                              boolean active, String mergedInto, CenterRef center) {

        /** A product a chain names but the replica has not seen (yet): shown by id, never hidden. */
        public static ProductCard unknown(String id) {
            return new ProductCard(id, null, null, null, false, false, null, null);
        }
    }

    public Map<String, ProductCard> byId(String institutionId) {
        Map<String, ProductCard> cards = new LinkedHashMap<>();
        jdbc.sql(SELECT + "where p.institution_id = ? order by p.name, p.product_id").param(institutionId)
                .query((rs, i) -> card(rs)).list()
                .forEach(card -> cards.put(card.id(), card));
        return cards;
    }

    /** Active intermediate products linked to no active chain: their cost goes to central actions. */
    public List<ProductCard> unattributedIntermediates(String institutionId) {
        return jdbc.sql(SELECT + "where p.institution_id = ? and p.product_type = 'INTERMEDIATE' and p.active = true "
                        + "and not exists (select 1 from chain_link l join chain_view ch on ch.chain_id = l.chain_id "
                        + "and ch.institution_id = l.institution_id "
                        + "where l.intermediate_product_id = p.product_id and l.institution_id = p.institution_id "
                        + "and ch.retired = false) "
                        + "order by p.name, p.product_id")
                .param(institutionId).query((rs, i) -> card(rs)).list();
    }

    private static ProductCard card(ResultSet rs) throws SQLException {
        String centerId = rs.getString(8);
        return new ProductCard(rs.getString(1), rs.getString(2), rs.getString(3), ProductType.valueOf(rs.getString(4)),
                rs.getBoolean(5), rs.getBoolean(6), rs.getString(7),
                centerId == null ? null : new CenterRef(centerId, rs.getString(9)));
    }
}
