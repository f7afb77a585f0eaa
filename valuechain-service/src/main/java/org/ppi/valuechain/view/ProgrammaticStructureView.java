package org.ppi.valuechain.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.valuechain.directory.Decimals;
import org.ppi.valuechain.product.ProductCards;
import org.ppi.valuechain.product.ProductCards.ProductCard;
import org.ppi.valuechain.view.ChainNodes.ChainNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Program → activities and value chains → products, plus the budget lines outside programs: chains not yet
 * assigned to any program and the intermediate products that go to central actions.
 */
@Component
class ProgrammaticStructureView {
    private final JdbcClient jdbc;
    private final ChainNodes chainNodes;
    private final ProductCards products;

    ProgrammaticStructureView(JdbcClient jdbc, ChainNodes chainNodes, ProductCards products) {
        this.jdbc = jdbc;
        this.chainNodes = chainNodes;
        this.products = products;
    }

    record ActivityNode(String id, String name, ActivityKind kind, ProductCard product) {
    }

    record PlannedVolume(String productId, int fiscalYear, BigDecimal plannedVolume) {
    }

    record ProgramNode(String id, String code, String name, String expectedResult, List<ActivityNode> activities,
                       List<ChainNode> chains, List<PlannedVolume> plannedVolumes) {
    }

    record View(List<ProgramNode> programs, List<ChainNode> unassignedChains, List<ProductCard> centralActions) {
    }

    private record ActivityRow(String programId, String id, String name, ActivityKind kind, String productId) {
    }

    private record VolumeRow(String programId, PlannedVolume volume) {
    }

    View build(String institutionId) {
        Map<String, ProductCard> cards = products.byId(institutionId);
        Map<String, List<ChainNode>> chainsByProgram = new LinkedHashMap<>();
        List<ChainNode> unassigned = new ArrayList<>();
        for (ChainNode chain : chainNodes.load(institutionId)) {
            if (chain.programId() == null) {
                unassigned.add(chain);
            } else {
                chainsByProgram.computeIfAbsent(chain.programId(), k -> new ArrayList<>()).add(chain);
            }
        }
        Map<String, List<ActivityNode>> activities = new LinkedHashMap<>();
        jdbc.sql("select program_id, activity_id, name, kind, product_id from activity_view "
                        + "where institution_id = ? order by name, activity_id")
                .param(institutionId)
                .query((rs, i) -> new ActivityRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        ActivityKind.valueOf(rs.getString(4)), rs.getString(5)))
                .list()
                .forEach(a -> activities.computeIfAbsent(a.programId(), k -> new ArrayList<>()).add(new ActivityNode(
                        a.id(), a.name(), a.kind(),
                        a.productId() == null ? null : cards.getOrDefault(a.productId(), ProductCard.unknown(a.productId())))));
        Map<String, List<PlannedVolume>> volumes = new LinkedHashMap<>();
        jdbc.sql("select program_id, product_id, fiscal_year, planned_volume from planned_volume "
                        + "where institution_id = ? order by fiscal_year, product_id")
                .param(institutionId)
                .query((rs, i) -> new VolumeRow(rs.getString(1), new PlannedVolume(rs.getString(2), rs.getInt(3),
                        Decimals.plain(rs.getBigDecimal(4)))))
                .list()
                .forEach(v -> volumes.computeIfAbsent(v.programId(), k -> new ArrayList<>()).add(v.volume()));
        List<ProgramNode> programs = jdbc.sql("select program_id, code, name, expected_result from program_view "
                        + "where institution_id = ? order by code, program_id")
                .param(institutionId)
                .query((rs, i) -> {
                    String id = rs.getString(1);
                    return new ProgramNode(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            activities.getOrDefault(id, List.of()), chainsByProgram.getOrDefault(id, List.of()),
                            volumes.getOrDefault(id, List.of()));
                })
                .list();
        return new View(programs, unassigned, products.unattributedIntermediates(institutionId));
    }
}
