package org.ppi.survey.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.contracts.survey.CenterArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The seed's "Funciones y organización" view: centers grouped by ámbito, each with function, organization,
 * manager, area and its active staff (count and Σ annual cost), with per-group, per-area and overall sums.
 * Centers without ámbito form a last group whose scopeId is null.
 */
@Component
public class FunctionsAndOrganizationView {
    private final JdbcClient jdbc;

    public FunctionsAndOrganizationView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CenterLine(String centerId, String name, String function, String organization, String manager,
                             CenterArea area, boolean closed, long employees, BigDecimal annualCost) {
    }

    public record ScopeGroup(String scopeId, String scopeName, List<CenterLine> centers, long employees,
                             BigDecimal annualCost) {
    }

    public record AreaTotals(CenterArea area, long centers, long employees, BigDecimal annualCost) {
    }

    public record Totals(long centers, long employees, BigDecimal annualCost) {
    }

    public record View(List<ScopeGroup> groups, List<AreaTotals> byArea, Totals totals) {
    }

    private record Line(String scopeId, String scopeName, CenterLine center) {
    }

    public View of(String institutionId, boolean includeClosed) {
        String staff = "from employee_view e where e.center_id = c.center_id and e.institution_id = c.institution_id "
                + "and e.active = true";
        List<Line> lines = jdbc.sql("select c.center_id, c.name, c.function_text, c.organization, c.manager, c.area, "
                        + "c.closed, c.scope_id, s.name as scope_name, "
                        + "(select count(*) " + staff + ") as employees, "
                        + "(select coalesce(sum(e.annual_cost), 0) " + staff + ") as annual_cost "
                        + "from center_view c left join scope_view s on s.scope_id = c.scope_id "
                        + "and s.institution_id = c.institution_id "
                        + "where c.institution_id = ?" + (includeClosed ? " " : " and c.closed = false ")
                        + "order by case when c.scope_id is null then 1 else 0 end, s.name, c.scope_id, c.name, c.center_id")
                .param(institutionId)
                .query((rs, i) -> new Line(rs.getString("scope_id"), rs.getString("scope_name"),
                        new CenterLine(rs.getString("center_id"), rs.getString("name"), rs.getString("function_text"),
                                rs.getString("organization"), rs.getString("manager"),
                                CenterArea.valueOf(rs.getString("area")), rs.getBoolean("closed"),
                                rs.getLong("employees"), rs.getBigDecimal("annual_cost"))))
                .list();
        return summarise(lines);
    }

    private static View summarise(List<Line> lines) {
        Map<String, List<Line>> byScope = new LinkedHashMap<>();
        for (Line line : lines) {
            byScope.computeIfAbsent(line.scopeId() == null ? "" : line.scopeId(), k -> new ArrayList<>()).add(line);
        }
        List<ScopeGroup> groups = new ArrayList<>();
        for (List<Line> group : byScope.values()) {
            List<CenterLine> centers = group.stream().map(Line::center).toList();
            groups.add(new ScopeGroup(group.get(0).scopeId(), group.get(0).scopeName(), centers,
                    centers.stream().mapToLong(CenterLine::employees).sum(), sum(centers)));
        }
        Map<CenterArea, List<CenterLine>> byArea = new EnumMap<>(CenterArea.class);
        for (CenterArea area : CenterArea.values()) {
            byArea.put(area, new ArrayList<>());
        }
        lines.forEach(l -> byArea.get(l.center().area()).add(l.center()));
        List<AreaTotals> areas = new ArrayList<>();
        byArea.forEach((area, centers) -> areas.add(new AreaTotals(area, centers.size(),
                centers.stream().mapToLong(CenterLine::employees).sum(), sum(centers))));
        List<CenterLine> all = lines.stream().map(Line::center).toList();
        return new View(groups, areas, new Totals(all.size(), all.stream().mapToLong(CenterLine::employees).sum(), sum(all)));
    }

    private static BigDecimal sum(List<CenterLine> centers) {
        return centers.stream().map(CenterLine::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
