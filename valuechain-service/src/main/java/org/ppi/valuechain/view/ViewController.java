package org.ppi.valuechain.view;

import java.util.List;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.ExportFormat;
import org.ppi.platform.web.TableExport;
import org.ppi.valuechain.product.ProductCards;
import org.ppi.valuechain.product.ProductCards.ProductCard;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Whole-institution trees for the platform's value-chain and programmatic-structure screens. */
@RestController
@RequestMapping("/api/valuechain/views")
class ViewController {
    private final ValueChainsView valueChains;
    private final ProgrammaticStructureView structure;
    private final ProductCards products;

    ViewController(ValueChainsView valueChains, ProgrammaticStructureView structure, ProductCards products) {
        this.valueChains = valueChains;
        this.structure = structure;
        this.products = products;
    }

    record CentralActions(List<ProductCard> products, int count) {
    }

    @GetMapping("/value-chains")
    ValueChainsView.View valueChains(Actor actor) {
        return valueChains.build(actor.institutionId());
    }

    /** The same tree for a spreadsheet ({@code ?format=csv|xlsx}): one row per link, headers in the caller's language. */
    @GetMapping(path = "/value-chains", params = "format")
    ResponseEntity<byte[]> valueChainsExport(Actor actor, @RequestParam String format) {
        ExportFormat chosen = ExportFormat.of(format);
        return TableExport.download(ValueChainsExport.of(valueChains.build(actor.institutionId())), chosen,
                "cadenas-de-valor", actor.institutionId(), null, LocaleContextHolder.getLocale());
    }

    @GetMapping("/programmatic-structure")
    ProgrammaticStructureView.View programmaticStructure(Actor actor) {
        return structure.build(actor.institutionId());
    }

    @GetMapping("/central-actions")
    CentralActions centralActions(Actor actor) {
        List<ProductCard> unattributed = products.unattributedIntermediates(actor.institutionId());
        return new CentralActions(unattributed, unattributed.size());
    }
}
