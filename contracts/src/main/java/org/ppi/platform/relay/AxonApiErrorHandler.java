package org.ppi.platform.relay;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.ApiError;
import org.ppi.platform.web.ApiErrorHandler;
import org.ppi.platform.web.DomainRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Axon's ways of saying no, in the platform's error format. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(AxonApiErrorHandler.class);
    private final ApiErrorHandler errors;

    public AxonApiErrorHandler(ApiErrorHandler errors) {
        this.errors = errors;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ApiError> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (org.ppi.platform.web.DatabaseInterruption.causedBy(e)) {
            return errors.databaseInterrupted(e);
        }
        if (cause instanceof DomainRejection rejection) {
            return errors.rejected(rejection);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return aggregateNotFound(notFound);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return errors.body(409, "entity.already-exists", "id", "");
        }
        log.error("Command failed", e);
        return errors.body(500, "server.error", null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiError> aggregateNotFound(AggregateNotFoundException e) {
        return errors.body(404, "entity.not-found", "id", ScopedId.idOf(String.valueOf(e.getAggregateIdentifier())));
    }

    /** A creation command whose id is taken: the event store refuses a second stream with that id. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ApiError> duplicate(RuntimeException e) {
        if (org.ppi.platform.web.DatabaseInterruption.causedBy(e)) {
            return errors.databaseInterrupted(e);
        }
        return errors.body(409, "entity.already-exists", "id", "");
    }
}
