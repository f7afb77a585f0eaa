package org.ppi.catalog.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.ppi.catalog.summary.ProductSummary.AreaCounts;
import org.ppi.catalog.summary.ProductSummary.CenterCounts;
import org.ppi.catalog.summary.ProductSummary.Counts;
import org.ppi.contracts.survey.CenterArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The summary view's product counts. Only active products count: retired and merged ones are history. A
 * volume gap is a volume that is unknown or zero, for which no unit cost can be given.
 */
@Component
public class ProductSummaryQuery {
    private static final String COUNTS = "count(*) as products, "
            + "sum(case when p.product_type = 'TERMINAL' then 1 else 0 end) as terminal, "
            + "sum(case when p.product_type = 'INTERMEDIATE' then 1 else 0 end) as intermediate, "
            + "sum(case when p.core then 1 else 0 end) as core, "
            + "sum(case when p.volume is null or p.volume = 0 then 1 else 0 end) as volume_gaps";
    private static final String FROM = " from product_view p left join center_replica c "
            + "on c.center_id = p.center_id and c.institution_id = p.institution_id "
            + "where p.institution_id = ? and p.status = 'ACTIVE'";

    private final JdbcClient jdbc;

    public ProductSummaryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ProductSummary summary(String institutionId) {
        Counts total = jdbc.sql("select " + COUNTS + FROM).param(institutionId)
                .query((rs, i) -> counts(rs)).single();
        List<AreaCounts> byArea = jdbc.sql("select c.area, " + COUNTS + FROM + " group by c.area order by c.area")
                .param(institutionId).query((rs, i) -> new AreaCounts(area(rs), counts(rs))).list();
        List<CenterCounts> byCenter = jdbc.sql("select p.center_id, c.name, c.area, " + COUNTS + FROM
                        + " group by p.center_id, c.name, c.area order by c.name, p.center_id")
                .param(institutionId)
                .query((rs, i) -> new CenterCounts(rs.getString("center_id"), rs.getString("name"), area(rs), counts(rs)))
                .list();
        return new ProductSummary(total, everyArea(byArea), byCenter);
    }

    /** Both areas always appear (with zeros), so a chart keeps its two bars; a center unknown to the replica last. */
    private static List<AreaCounts> everyArea(List<AreaCounts> found) {
        List<AreaCounts> result = new ArrayList<>();
        for (CenterArea area : CenterArea.values()) {
            result.add(found.stream().filter(a -> a.area() == area).findFirst()
                    .orElse(new AreaCounts(area, new Counts(0, 0, 0, 0, 0))));
        }
        found.stream().filter(a -> a.area() == null).forEach(result::add);
        return result;
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(rs.getLong("products"), rs.getLong("terminal"), rs.getLong("intermediate"), rs.getLong("core"),
                rs.getLong("volume_gaps"));
    }

    private static CenterArea area(ResultSet rs) throws SQLException {
        String area = rs.getString("area");
        return area == null ? null : CenterArea.valueOf(area);
    }
}
