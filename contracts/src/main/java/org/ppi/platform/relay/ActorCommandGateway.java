package org.ppi.platform.relay;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.TextLimits;

/**
 * Sends a command with the actor's tenant and user (and the interview, when there is one) as metadata, after
 * checking its texts against {@link TextLimits}: every controller sends through here, so no oversized text
 * reaches an aggregate.
 */
public class ActorCommandGateway {
    private final CommandGateway gateway;

    public ActorCommandGateway(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, Actor actor) {
        TextLimits.check(command);
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(CommandMetadata.of(actor)));
    }

    public <R> R send(Object command, Actor actor, String interviewId) {
        TextLimits.check(command);
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetadata.of(actor, interviewId)));
    }
}
