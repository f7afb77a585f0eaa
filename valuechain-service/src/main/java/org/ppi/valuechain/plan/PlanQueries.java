package org.ppi.valuechain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Impacts and results of one institution. */
@Component
public class PlanQueries {
    public static final Map<String, String> IMPACT_SORT = PageQuery.columns("name", "name", "id", "impact_id");
    public static final Map<String, String> RESULT_SORT = PageQuery.columns("name", "name", "id", "result_id",
            "impactId", "impact_id");

    private final JdbcClient jdbc;

    public PlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ImpactRow(String id, String name, String description, String indicator) {
    }

    public record ResultRow(String id, String impactId, String name, String description, String indicator) {
    }

    public PageResponse<ImpactRow> impacts(String institutionId, PageQuery page) {
        List<ImpactRow> items = jdbc.sql("select impact_id, name, description, indicator from impact_view "
                        + "where institution_id = ?" + page.orderAndLimit())
                .param(institutionId)
                .query((rs, i) -> new ImpactRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        long total = jdbc.sql("select count(*) from impact_view where institution_id = ?").param(institutionId)
                .query(Long.class).single();
        return PageResponse.of(items, page, total);
    }

    public Optional<ImpactRow> impact(String institutionId, String impactId) {
        return jdbc.sql("select impact_id, name, description, indicator from impact_view "
                        + "where institution_id = ? and impact_id = ?")
                .params(institutionId, impactId)
                .query((rs, i) -> new ImpactRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public PageResponse<ResultRow> results(String institutionId, String impactId, PageQuery page) {
        StringBuilder where = new StringBuilder(" where institution_id = ?");
        List<Object> params = new ArrayList<>(List.of(institutionId));
        if (impactId != null && !impactId.isBlank()) {
            where.append(" and impact_id = ?");
            params.add(impactId);
        }
        List<ResultRow> items = jdbc.sql("select result_id, impact_id, name, description, indicator from result_view"
                        + where + page.orderAndLimit())
                .params(params).query((rs, i) -> resultRow(rs)).list();
        long total = jdbc.sql("select count(*) from result_view" + where).params(params).query(Long.class).single();
        return PageResponse.of(items, page, total);
    }

    public Optional<ResultRow> result(String institutionId, String resultId) {
        return jdbc.sql("select result_id, impact_id, name, description, indicator from result_view "
                        + "where institution_id = ? and result_id = ?")
                .params(institutionId, resultId).query((rs, i) -> resultRow(rs)).optional();
    }

    private static ResultRow resultRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ResultRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
