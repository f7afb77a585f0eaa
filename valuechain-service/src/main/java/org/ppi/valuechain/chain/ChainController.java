package org.ppi.valuechain.chain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.valuechain.chain.ChainCommands.DefineValueChain;
import org.ppi.valuechain.chain.ChainCommands.LinkIntermediate;
import org.ppi.valuechain.chain.ChainCommands.RetireValueChain;
import org.ppi.valuechain.chain.ChainCommands.UnlinkIntermediate;
import org.ppi.valuechain.chain.ChainQueries.ChainDetail;
import org.ppi.valuechain.chain.ChainQueries.ChainFilter;
import org.ppi.valuechain.chain.ChainQueries.ChainRow;
import org.ppi.valuechain.directory.TenantGuard;
import org.ppi.valuechain.directory.ValueChainDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public value chains of the caller's institution and their intermediate-product links. */
@RestController
@RequestMapping("/api/valuechain/chains")
class ChainController {
    private final ActorCommandGateway commands;
    private final ChainQueries queries;
    private final ValueChainDirectory directory;
    private final TransactionTemplate tx;

    ChainController(ActorCommandGateway commands, ChainQueries queries, ValueChainDirectory directory,
                    TransactionTemplate tx) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
        this.tx = tx;
    }

    record ChainForm(String id, @NotBlank @Size(max = 300) String name, @NotBlank String resultId,
                     @NotBlank String terminalProductId) {
    }

    record LinkForm(@NotBlank String intermediateProductId, String feedsProductId, BigDecimal weight) {
    }

    record RetirementForm(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> define(Actor actor, @Valid @RequestBody ChainForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new DefineValueChain(id, actor.institutionId(), actor.userId(), form.name().trim(), form.resultId(),
                form.terminalProductId()), actor);
        return Map.of("id", id);
    }

    @PutMapping("/{id}/links")
    void link(Actor actor, @PathVariable String id, @Valid @RequestBody LinkForm form) {
        LinkIntermediate command = new LinkIntermediate(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form.intermediateProductId(), form.feedsProductId(), form.weight());
        // The graph lock first, then the command (which loads and locks the chain) in the same transaction: the
        // order a merge arriving from the catalog also takes (lock, then CycleGuard's commands), so the two
        // never wait for each other crosswise.
        tx.executeWithoutResult(status -> {
            directory.lockLinkGraph(actor.institutionId());
            commands.send(command, actor);
        });
    }

    @DeleteMapping("/{id}/links")
    void unlink(Actor actor, @PathVariable String id, @RequestParam String intermediateProductId,
                @RequestParam(required = false) String feedsProductId) {
        commands.send(new UnlinkIntermediate(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                intermediateProductId, feedsProductId), actor);
    }

    @PostMapping("/{id}/retirement")
    void retire(Actor actor, @PathVariable String id, @Valid @RequestBody RetirementForm form) {
        commands.send(new RetireValueChain(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.reason()),
                actor);
    }

    @GetMapping
    PageResponse<ChainRow> chains(Actor actor, @RequestParam(required = false) String resultId,
                                  @RequestParam(required = false) String impactId,
                                  @RequestParam(required = false) String terminalProductId,
                                  @RequestParam(required = false) String programId,
                                  @RequestParam(required = false) Boolean retired,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) List<String> sort) {
        return queries.chains(actor.institutionId(),
                new ChainFilter(resultId, impactId, terminalProductId, programId, retired),
                PageQuery.of(page, size, sort, ChainQueries.SORT, "c.name, c.chain_id"));
    }

    @GetMapping("/{id}")
    ChainDetail chain(Actor actor, @PathVariable String id) {
        return queries.chain(actor.institutionId(), id).orElseThrow(() -> TenantGuard.notFound(id));
    }
}
