package org.ppi.catalog.product;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.UserGroup;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads product_view joined with the center replica, always inside one institution. */
@Component
public class ProductQueries {
    /** API sort field → SQL column. */
    public static final Map<String, String> SORTABLE = PageQuery.columns(
            "name", "p.name", "type", "p.product_type", "core", "p.core", "volume", "p.volume",
            "frequency", "p.frequency", "status", "p.status", "centerName", "c.name", "area", "c.area",
            "updatedAt", "p.updated_at");
    public static final String DEFAULT_ORDER = "p.name asc, p.product_id asc";

    private static final String FROM = " from product_view p left join center_replica c "
            + "on c.center_id = p.center_id and c.institution_id = p.institution_id";
    private static final String COLUMNS = "select p.product_id, p.center_id, c.name as center_name, c.area, p.name, "
            + "p.description, p.product_type, p.core, p.volume, p.volume_unit, p.users, p.frequency, p.elaboration_time, "
            + "p.process_steps, p.problems, p.synergies, p.status, p.merged_into, p.last_event_id, p.updated_by, "
            + "p.updated_at";
    private static final TypeReference<List<String>> STEPS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProductQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public PageResponse<ProductRow> list(String institutionId, ProductFilter filter, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(institutionId, params);
        long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
        List<ProductRow> rows = jdbc.sql(COLUMNS + FROM + where + page.orderAndLimit()).params(params)
                .query(this::row).list();
        return PageResponse.of(rows, page, total);
    }

    /** Every product the filter keeps, in the page's order, without paging (a download holds every row). */
    public List<ProductRow> all(String institutionId, ProductFilter filter, PageQuery order) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(institutionId, params);
        return jdbc.sql(COLUMNS + FROM + where + " order by " + order.orderBy()).params(params).query(this::row).list();
    }

    public Optional<ProductRow> find(String institutionId, String productId) {
        return jdbc.sql(COLUMNS + FROM + " where p.institution_id = ? and p.product_id = ?")
                .params(institutionId, productId).query(this::row).optional();
    }

    private ProductRow row(ResultSet rs, int rowNum) throws SQLException {
        BigDecimal volume = plain(rs.getBigDecimal("volume"));
        String area = rs.getString("area");
        String frequency = rs.getString("frequency");
        return new ProductRow(rs.getString("product_id"), rs.getString("center_id"), rs.getString("center_name"),
                area == null ? null : CenterArea.valueOf(area), rs.getString("name"), rs.getString("description"),
                ProductType.valueOf(rs.getString("product_type")), rs.getBoolean("core"), volume,
                rs.getString("volume_unit"), volume == null || volume.signum() == 0, users(rs.getString("users")),
                frequency == null ? null : Frequency.valueOf(frequency), rs.getString("elaboration_time"),
                json.readValue(rs.getString("process_steps"), STEPS), rs.getString("problems"), rs.getString("synergies"),
                ProductStatus.valueOf(rs.getString("status")), rs.getString("merged_into"), rs.getString("last_event_id"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    /** The column stores six decimals; show the volume as entered (1200, not 1200.000000). */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<UserGroup> users(String delimited) {
        return Arrays.stream(delimited.split(",")).filter(s -> !s.isEmpty()).map(UserGroup::valueOf).toList();
    }
}
