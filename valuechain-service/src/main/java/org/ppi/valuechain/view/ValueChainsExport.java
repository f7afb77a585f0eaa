package org.ppi.valuechain.view;

import org.ppi.platform.web.ExportTable;
import org.ppi.platform.web.ExportTable.Column;
import org.ppi.valuechain.product.ProductCards.CenterRef;
import org.ppi.valuechain.product.ProductCards.ProductCard;
import org.ppi.valuechain.view.ChainNodes.ChainNode;
import org.ppi.valuechain.view.ChainNodes.IntermediateNode;
import org.ppi.valuechain.view.ValueChainsView.ImpactNode;
import org.ppi.valuechain.view.ValueChainsView.ResultNode;

/**
 * The value chains (impact → result → terminal product → intermediate products) as a table for a download: one row
 * per link of an intermediate product with its center, what it feeds and the link's weight; a chain without
 * intermediates, a result without chains and an impact without results keep one row each, so none is lost.
 */
final class ValueChainsExport {
    private ValueChainsExport() {
    }

    static ExportTable of(ValueChainsView.View view) {
        ExportTable table = ExportTable.of("Cadenas de valor", "Value chains",
                Column.text("impactId", "Id impacto", "Impact id"),
                Column.text("impact", "Impacto", "Impact"),
                Column.text("resultId", "Id resultado", "Result id"),
                Column.text("result", "Resultado", "Result"),
                Column.text("chainId", "Id cadena", "Chain id"),
                Column.text("chain", "Cadena de valor", "Value chain"),
                Column.text("programId", "Id programa", "Program id"),
                Column.text("terminalId", "Id producto terminal", "Terminal product id"),
                Column.text("terminal", "Producto terminal", "Terminal product"),
                Column.text("core", "CORE", "CORE"),
                Column.text("terminalCenter", "Centro del producto terminal", "Terminal product's center"),
                Column.text("intermediateId", "Id producto intermedio", "Intermediate product id"),
                Column.text("intermediate", "Producto intermedio", "Intermediate product"),
                Column.text("intermediateCenter", "Centro del producto intermedio", "Intermediate product's center"),
                Column.text("feedsId", "Id producto que alimenta", "Feeds product id"),
                Column.text("feeds", "Producto que alimenta", "Feeds product"),
                Column.number("weight", "Peso", "Weight"));
        for (ImpactNode impact : view.impacts()) {
            if (impact.results().isEmpty()) {
                table.row(impact.id(), impact.name(), null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null);
            }
            for (ResultNode result : impact.results()) {
                if (result.chains().isEmpty()) {
                    table.row(impact.id(), impact.name(), result.id(), result.name(), null, null, null, null, null, null,
                            null, null, null, null, null, null, null);
                }
                for (ChainNode chain : result.chains()) {
                    ProductCard terminal = chain.terminalProduct();
                    if (chain.intermediateProducts().isEmpty()) {
                        table.row(impact.id(), impact.name(), result.id(), result.name(), chain.id(), chain.name(),
                                chain.programId(), terminal.id(), terminal.name(), terminal.core(),
                                centerName(terminal.center()), null, null, null, null, null, null);
                    }
                    for (IntermediateNode link : chain.intermediateProducts()) {
                        table.row(impact.id(), impact.name(), result.id(), result.name(), chain.id(), chain.name(),
                                chain.programId(), terminal.id(), terminal.name(), terminal.core(),
                                centerName(terminal.center()), link.id(), link.name(), centerName(link.center()),
                                link.feedsProductId(), link.feedsProductName(), link.weight());
                    }
                }
            }
        }
        return table;
    }

    private static String centerName(CenterRef center) {
        return center == null ? null : center.name() == null ? center.id() : center.name();
    }
}
