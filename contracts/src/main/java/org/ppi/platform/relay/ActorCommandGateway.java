package org.ppi.platform.relay;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ppi.platform.web.Actor;

/** Sends a command with the actor's tenant and user (and the interview, when there is one) as metadata. */
public class ActorCommandGateway {
    private final CommandGateway gateway;

    public ActorCommandGateway(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, Actor actor) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(CommandMetadata.of(actor)));
    }

    public <R> R send(Object command, Actor actor, String interviewId) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetadata.of(actor, interviewId)));
    }
}
