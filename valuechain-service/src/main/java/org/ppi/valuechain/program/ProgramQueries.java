package org.ppi.valuechain.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.valuechain.directory.Decimals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Programs of one institution with their activities, chains and planned volumes. */
@Component
public class ProgramQueries {
    public static final Map<String, String> SORT = PageQuery.columns("code", "p.code", "name", "p.name", "id", "p.program_id");

    private final JdbcClient jdbc;

    public ProgramQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ProgramRow(String id, String code, String name, String expectedResult, long chainCount,
                             long activityCount) {
    }

    public record ActivityRow(String id, String name, ActivityKind kind, String productId, String productName) {
    }

    public record ProgramChainRow(String id, String name, String terminalProductId, String terminalProductName,
                                  boolean retired) {
    }

    public record PlannedVolumeRow(String productId, String productName, int fiscalYear, BigDecimal plannedVolume) {
    }

    public record ProgramDetail(String id, String code, String name, String expectedResult, List<ActivityRow> activities,
                                List<ProgramChainRow> chains, List<PlannedVolumeRow> plannedVolumes) {
    }

    private static final String ROW = "select p.program_id, p.code, p.name, p.expected_result, "
            + "(select count(*) from program_chain pc where pc.program_id = p.program_id "
            + "and pc.institution_id = p.institution_id), "
            + "(select count(*) from activity_view a where a.program_id = p.program_id "
            + "and a.institution_id = p.institution_id) from program_view p ";

    public PageResponse<ProgramRow> programs(String institutionId, PageQuery page) {
        List<ProgramRow> items = jdbc.sql(ROW + "where p.institution_id = ?" + page.orderAndLimit()).param(institutionId)
                .query((rs, i) -> new ProgramRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
        long total = jdbc.sql("select count(*) from program_view where institution_id = ?").param(institutionId)
                .query(Long.class).single();
        return PageResponse.of(items, page, total);
    }

    public Optional<ProgramDetail> program(String institutionId, String programId) {
        return jdbc.sql(ROW + "where p.institution_id = ? and p.program_id = ?").params(institutionId, programId)
                .query((rs, i) -> new ProgramDetail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of(), List.of(), List.of()))
                .optional()
                .map(p -> new ProgramDetail(p.id(), p.code(), p.name(), p.expectedResult(),
                        activities(institutionId, programId), chains(institutionId, programId),
                        plannedVolumes(institutionId, programId)));
    }

    private List<ActivityRow> activities(String institutionId, String programId) {
        return jdbc.sql("select a.activity_id, a.name, a.kind, a.product_id, k.name from activity_view a "
                        + "left join known_product k on k.product_id = a.product_id and k.institution_id = a.institution_id "
                        + "where a.institution_id = ? and a.program_id = ? order by a.name, a.activity_id")
                .params(institutionId, programId)
                .query((rs, i) -> new ActivityRow(rs.getString(1), rs.getString(2), ActivityKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    private List<ProgramChainRow> chains(String institutionId, String programId) {
        return jdbc.sql("select c.chain_id, c.name, c.terminal_product_id, k.name, c.retired from program_chain pc "
                        + "join chain_view c on c.chain_id = pc.chain_id and c.institution_id = pc.institution_id "
                        + "left join known_product k on k.product_id = c.terminal_product_id and k.institution_id = c.institution_id "
                        + "where pc.institution_id = ? and pc.program_id = ? order by c.name, c.chain_id")
                .params(institutionId, programId)
                .query((rs, i) -> new ProgramChainRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    private List<PlannedVolumeRow> plannedVolumes(String institutionId, String programId) {
        return jdbc.sql("select v.product_id, k.name, v.fiscal_year, v.planned_volume from planned_volume v "
                        + "left join known_product k on k.product_id = v.product_id and k.institution_id = v.institution_id "
                        + "where v.institution_id = ? and v.program_id = ? order by v.fiscal_year, k.name, v.product_id")
                .params(institutionId, programId)
                .query((rs, i) -> new PlannedVolumeRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                        Decimals.plain(rs.getBigDecimal(4))))
                .list();
    }
}
