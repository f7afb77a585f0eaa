package org.ppi.valuechain.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.valuechain.view.ChainNodes.ChainNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The seed's "cadenas de valor" view: impact → result → terminal (CORE) product → intermediate products. */
@Component
class ValueChainsView {
    private final JdbcClient jdbc;
    private final ChainNodes chainNodes;

    ValueChainsView(JdbcClient jdbc, ChainNodes chainNodes) {
        this.jdbc = jdbc;
        this.chainNodes = chainNodes;
    }

    record ResultNode(String id, String name, String description, String indicator, List<ChainNode> chains) {
    }

    record ImpactNode(String id, String name, String description, String indicator, List<ResultNode> results) {
    }

    record View(List<ImpactNode> impacts) {
    }

    private record ResultRow(String id, String impactId, String name, String description, String indicator) {
    }

    View build(String institutionId) {
        Map<String, List<ChainNode>> chainsByResult = new LinkedHashMap<>();
        for (ChainNode chain : chainNodes.load(institutionId)) {
            chainsByResult.computeIfAbsent(chain.resultId(), k -> new ArrayList<>()).add(chain);
        }
        Map<String, List<ResultNode>> resultsByImpact = new LinkedHashMap<>();
        jdbc.sql("select result_id, impact_id, name, description, indicator from result_view "
                        + "where institution_id = ? order by name, result_id")
                .param(institutionId)
                .query((rs, i) -> new ResultRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list()
                .forEach(r -> resultsByImpact.computeIfAbsent(r.impactId(), k -> new ArrayList<>()).add(new ResultNode(
                        r.id(), r.name(), r.description(), r.indicator(), chainsByResult.getOrDefault(r.id(), List.of()))));
        List<ImpactNode> impacts = jdbc.sql("select impact_id, name, description, indicator from impact_view "
                        + "where institution_id = ? order by name, impact_id")
                .param(institutionId)
                .query((rs, i) -> new ImpactNode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        resultsByImpact.getOrDefault(rs.getString(1), List.of())))
                .list();
        return new View(impacts);
    }
}
