package org.ppi.valuechain.share;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.valuechain.share.ShareCommands.SetProgramShare;
import org.ppi.valuechain.share.ShareCommands.WithdrawProgramShare;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A program's share of a terminal product that several programs deliver, for a fiscal year. */
@RestController
@RequestMapping("/api/valuechain/programs/{id}/shares")
class ShareController {
    private final ActorCommandGateway commands;

    ShareController(ActorCommandGateway commands) {
        this.commands = commands;
    }

    record ShareForm(@NotBlank String productId, @NotNull Integer fiscalYear, @NotNull BigDecimal share) {
    }

    @PutMapping
    void set(Actor actor, @PathVariable String id, @Valid @RequestBody ShareForm form) {
        commands.send(new SetProgramShare(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                Ids.require(form.productId(), "productId"), form.fiscalYear(), form.share()), actor);
    }

    @DeleteMapping("/{productId}")
    void withdraw(Actor actor, @PathVariable String id, @PathVariable String productId,
                  @RequestParam Integer fiscalYear) {
        commands.send(new WithdrawProgramShare(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                Ids.require(productId, "productId"), fiscalYear), actor);
    }
}
