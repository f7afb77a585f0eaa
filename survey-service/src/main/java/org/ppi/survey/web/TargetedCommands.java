package org.ppi.survey.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.springframework.stereotype.Component;

/**
 * Sends a command to an existing aggregate. An id with no events, or whose events belong to another aggregate
 * type (ids are chosen by clients), gets the same 404 code as an aggregate of another institution, so a caller
 * cannot tell "does not exist" from "belongs to someone else".
 */
@Component
public class TargetedCommands {
    private final ActorCommandGateway gateway;

    public TargetedCommands(ActorCommandGateway gateway) {
        this.gateway = gateway;
    }

    public void send(Object command, Actor actor, String notFoundCode, String targetId) {
        try {
            gateway.send(command, actor);
        } catch (RuntimeException e) {
            throw translated(e, notFoundCode, targetId);
        }
    }

    /** Same, with the interview id in the metadata (it travels to the CloudEvent). */
    public <R> R sendToInterview(Object command, Actor actor, String interviewId) {
        try {
            return gateway.send(command, actor, interviewId);
        } catch (RuntimeException e) {
            throw translated(e, "interview.not-found", interviewId);
        }
    }

    private static RuntimeException translated(RuntimeException e, String notFoundCode, String targetId) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AggregateNotFoundException || cause instanceof IncompatibleAggregateException) {
            return DomainRejection.notFound(notFoundCode, "id", targetId);
        }
        return e;
    }
}
