package org.ppi.catalog.product;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.ppi.catalog.product.ProductCommands.ChangeProductVolume;
import org.ppi.catalog.product.ProductCommands.MergeProducts;
import org.ppi.catalog.product.ProductCommands.RegisterProduct;
import org.ppi.catalog.product.ProductCommands.RenameProduct;
import org.ppi.catalog.product.ProductCommands.RetireProduct;
import org.ppi.catalog.product.ProductCommands.RetypeProduct;
import org.ppi.catalog.product.ProductCommands.ReviseProductFeatures;
import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.UserGroup;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Products of the caller's institution: registration and every later change. */
@RestController
@RequestMapping("/api/catalog/products")
class ProductCommandController {
    private final ActorCommandGateway commands;

    ProductCommandController(ActorCommandGateway commands) {
        this.commands = commands;
    }

    record ProductForm(String id, String centerId, String name, String description, ProductType type, Boolean core,
                       BigDecimal volume, String volumeUnit, List<UserGroup> users, Frequency frequency,
                       String elaborationTime, List<String> processSteps, String problems, String synergies) {
    }

    record FeaturesForm(String description, List<UserGroup> users, Frequency frequency, String elaborationTime,
                        List<String> processSteps, String problems, String synergies) {
        ProductFeatures features() {
            return new ProductFeatures(description, userSet(users), frequency, elaborationTime, processSteps, problems,
                    synergies);
        }
    }

    record NameForm(String name) {
    }

    record TypeForm(ProductType type, Boolean core) {
    }

    record VolumeForm(BigDecimal volume, String volumeUnit) {
    }

    record MergeForm(String targetProductId) {
    }

    record RetirementForm(String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(Actor actor, @RequestBody ProductForm form) {
        String id = Ids.orNew(form.id(), "id");
        ProductFeatures features = new FeaturesForm(form.description(), form.users(), form.frequency(),
                form.elaborationTime(), form.processSteps(), form.problems(), form.synergies()).features();
        send(new RegisterProduct(id, actor.institutionId(), actor.userId(), Ids.require(form.centerId(), "centerId"),
                form.name(), form.type(), Boolean.TRUE.equals(form.core()), form.volume(), form.volumeUnit(), features),
                actor, id);
        return Map.of("id", id);
    }

    @PutMapping("/{id}/name")
    void rename(Actor actor, @PathVariable String id, @RequestBody NameForm form) {
        send(new RenameProduct(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.name()), actor, id);
    }

    @PutMapping("/{id}/features")
    void reviseFeatures(Actor actor, @PathVariable String id, @RequestBody FeaturesForm form) {
        send(new ReviseProductFeatures(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.features()),
                actor, id);
    }

    @PutMapping("/{id}/type")
    void retype(Actor actor, @PathVariable String id, @RequestBody TypeForm form) {
        send(new RetypeProduct(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.type(),
                Boolean.TRUE.equals(form.core())), actor, id);
    }

    @PutMapping("/{id}/volume")
    void changeVolume(Actor actor, @PathVariable String id, @RequestBody VolumeForm form) {
        send(new ChangeProductVolume(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.volume(),
                form.volumeUnit()), actor, id);
    }

    @PostMapping("/{id}/merge")
    void merge(Actor actor, @PathVariable String id, @RequestBody MergeForm form) {
        send(new MergeProducts(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.targetProductId()),
                actor, id);
    }

    @PostMapping("/{id}/retirement")
    void retire(Actor actor, @PathVariable String id, @RequestBody(required = false) RetirementForm form) {
        send(new RetireProduct(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form == null ? null : form.reason()), actor, id);
    }

    /**
     * An unknown id answers like another institution's product (404 product.not-found): nothing is revealed. A
     * registration under a taken id is a conflict, which Axon reports as a stream-creation failure.
     */
    private void send(Object command, Actor actor, String productId) {
        try {
            commands.send(command, actor);
        } catch (AggregateNotFoundException | AggregateStreamCreationException | CommandExecutionException e) {
            throw translated(e, productId);
        }
    }

    private static RuntimeException translated(RuntimeException e, String productId) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AggregateNotFoundException) {
            return DomainRejection.notFound("product.not-found", "id", productId);
        }
        if (cause instanceof AggregateStreamCreationException) {
            return DomainRejection.conflict("entity.already-exists", "id", productId);
        }
        return e;
    }

    private static Set<UserGroup> userSet(List<UserGroup> users) {
        EnumSet<UserGroup> set = EnumSet.noneOf(UserGroup.class);
        if (users != null) {
            users.stream().filter(u -> u != null).forEach(set::add);
        }
        return set;
    }
}
