package org.ppi.valuechain.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.valuechain.directory.Decimals;
import org.ppi.valuechain.product.ProductCards;
import org.ppi.valuechain.product.ProductCards.CenterRef;
import org.ppi.valuechain.product.ProductCards.ProductCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The institution's active value chains, each with its terminal product and linked intermediate products. */
@Component
class ChainNodes {
    private final JdbcClient jdbc;
    private final ProductCards products;

    ChainNodes(JdbcClient jdbc, ProductCards products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    record IntermediateNode(String id, String name, String description, boolean active, CenterRef center,
                            String feedsProductId, String feedsProductName, BigDecimal weight) {
    }

    record ChainNode(String id, String name, String resultId, String programId, ProductCard terminalProduct,
                     List<IntermediateNode> intermediateProducts) {
    }

    private record ChainRow(String id, String name, String resultId, String terminalProductId, String programId) {
    }

    private record LinkRow(String chainId, String intermediateId, String feedsId, BigDecimal weight) {
    }

    /** In display order: by chain name, intermediates by name. */
    List<ChainNode> load(String institutionId) {
        Map<String, ProductCard> cards = products.byId(institutionId);
        List<ChainRow> chains = jdbc.sql("select c.chain_id, c.name, c.result_id, c.terminal_product_id, pc.program_id "
                        + "from chain_view c left join program_chain pc on pc.chain_id = c.chain_id "
                        + "and pc.institution_id = c.institution_id "
                        + "where c.institution_id = ? and c.retired = false order by c.name, c.chain_id")
                .param(institutionId)
                .query((rs, i) -> new ChainRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        Map<String, List<IntermediateNode>> linksByChain = new LinkedHashMap<>();
        for (LinkRow link : links(institutionId)) {
            ProductCard card = cards.getOrDefault(link.intermediateId(), ProductCard.unknown(link.intermediateId()));
            ProductCard feeds = cards.getOrDefault(link.feedsId(), ProductCard.unknown(link.feedsId()));
            linksByChain.computeIfAbsent(link.chainId(), k -> new ArrayList<>()).add(new IntermediateNode(card.id(),
                    card.name(), card.description(), card.active(), card.center(), feeds.id(), feeds.name(),
                    link.weight()));
        }
        List<ChainNode> nodes = new ArrayList<>();
        for (ChainRow chain : chains) {
            nodes.add(new ChainNode(chain.id(), chain.name(), chain.resultId(), chain.programId(),
                    cards.getOrDefault(chain.terminalProductId(), ProductCard.unknown(chain.terminalProductId())),
                    linksByChain.getOrDefault(chain.id(), List.of())));
        }
        return nodes;
    }

    private List<LinkRow> links(String institutionId) {
        return jdbc.sql("select l.chain_id, l.intermediate_product_id, l.feeds_product_id, l.weight from chain_link l "
                        + "left join known_product p on p.product_id = l.intermediate_product_id "
                        + "and p.institution_id = l.institution_id "
                        + "where l.institution_id = ? "
                        + "order by l.chain_id, p.name, l.intermediate_product_id, l.feeds_product_id")
                .param(institutionId)
                .query((rs, i) -> new LinkRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        Decimals.plain(rs.getBigDecimal(4))))
                .list();
    }
}
