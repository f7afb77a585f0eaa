package org.ppi.valuechain.chain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.valuechain.directory.Decimals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Value chains of one institution, with their links. */
@Component
public class ChainQueries {
    public static final Map<String, String> SORT = PageQuery.columns("name", "c.name", "id", "c.chain_id",
            "resultId", "c.result_id", "terminalProductId", "c.terminal_product_id");

    private static final String ROW = "select c.chain_id, c.name, c.result_id, r.impact_id, c.terminal_product_id, "
            + "p.name, pc.program_id, c.retired, c.retired_reason, "
            + "(select count(*) from chain_link l where l.chain_id = c.chain_id "
            + "and l.institution_id = c.institution_id) "
            + "from chain_view c "
            + "left join result_view r on r.result_id = c.result_id and r.institution_id = c.institution_id "
            + "left join known_product p on p.product_id = c.terminal_product_id and p.institution_id = c.institution_id "
            + "left join program_chain pc on pc.chain_id = c.chain_id and pc.institution_id = c.institution_id ";

    private final JdbcClient jdbc;

    public ChainQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ChainRow(String id, String name, String resultId, String impactId, String terminalProductId,
                           String terminalProductName, String programId, boolean retired, String retiredReason,
                           long linkCount) {
    }

    public record LinkRow(String intermediateProductId, String intermediateProductName, String feedsProductId,
                          String feedsProductName, BigDecimal weight) {
    }

    public record ChainDetail(String id, String name, String resultId, String impactId, String terminalProductId,
                              String terminalProductName, String programId, boolean retired, String retiredReason,
                              List<LinkRow> links) {
    }

    public record ChainFilter(String resultId, String impactId, String terminalProductId, String programId,
                              Boolean retired) {
    }

    public PageResponse<ChainRow> chains(String institutionId, ChainFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder("where c.institution_id = ?");
        List<Object> params = new ArrayList<>(List.of(institutionId));
        condition(where, params, "c.result_id", filter.resultId());
        condition(where, params, "r.impact_id", filter.impactId());
        condition(where, params, "c.terminal_product_id", filter.terminalProductId());
        condition(where, params, "pc.program_id", filter.programId());
        if (filter.retired() != null) {
            where.append(" and c.retired = ?");
            params.add(filter.retired());
        }
        List<ChainRow> items = jdbc.sql(ROW + where + page.orderAndLimit()).params(params)
                .query((rs, i) -> row(rs)).list();
        long total = jdbc.sql("select count(*) from chain_view c "
                        + "left join result_view r on r.result_id = c.result_id and r.institution_id = c.institution_id "
                        + "left join program_chain pc on pc.chain_id = c.chain_id and pc.institution_id = c.institution_id "
                        + where)
                .params(params).query(Long.class).single();
        return PageResponse.of(items, page, total);
    }

    public Optional<ChainDetail> chain(String institutionId, String chainId) {
        return jdbc.sql(ROW + "where c.institution_id = ? and c.chain_id = ?").params(institutionId, chainId)
                .query((rs, i) -> row(rs)).optional()
                .map(c -> new ChainDetail(c.id(), c.name(), c.resultId(), c.impactId(), c.terminalProductId(),
                        c.terminalProductName(), c.programId(), c.retired(), c.retiredReason(), links(institutionId, chainId)));
    }

    private List<LinkRow> links(String institutionId, String chainId) {
        return jdbc.sql("select l.intermediate_product_id, i.name, l.feeds_product_id, f.name, l.weight from chain_link l "
                        + "left join known_product i on i.product_id = l.intermediate_product_id and i.institution_id = l.institution_id "
                        + "left join known_product f on f.product_id = l.feeds_product_id and f.institution_id = l.institution_id "
                        + "where l.institution_id = ? and l.chain_id = ? "
                        + "order by i.name, l.intermediate_product_id, l.feeds_product_id")
                .params(institutionId, chainId)
                .query((rs, i) -> new LinkRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Decimals.plain(rs.getBigDecimal(5))))
                .list();
    }

    private static void condition(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static ChainRow row(ResultSet rs) throws SQLException {
        return new ChainRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getLong(10));
    }
}
