package org.ppi.platform.relay;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.ppi.platform.tracing.Traces;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.TextLimits;

/**
 * Sends a command with the actor's tenant and user (and the interview, when there is one) as metadata, after
 * checking its texts against {@link TextLimits}: every controller sends through here, so no oversized text
 * reaches an aggregate. The current trace ({@code traceparent}) goes along in the metadata too, and from there into
 * the events it causes and their Kafka records. Each command is timed as {@code ppi.commands} (Prometheus
 * {@code ppi_commands_seconds_count|sum|bucket}), tagged with the command's name and {@code outcome} accepted or
 * refused (any rejection: a rule of the aggregate, a text too long, a conflict).
 */
public class ActorCommandGateway {
    static final String METER = "ppi.commands";
    private static final java.time.Duration[] LATENCY_BUCKETS = java.util.stream.Stream.of(10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
            .map(java.time.Duration::ofMillis).toArray(java.time.Duration[]::new);

    private final CommandGateway gateway;
    private final MeterRegistry meters;
    private final Traces traces;

    public ActorCommandGateway(CommandGateway gateway) {
        this(gateway, new SimpleMeterRegistry(), Traces.NONE);
    }

    public ActorCommandGateway(CommandGateway gateway, MeterRegistry meters, Traces traces) {
        this.gateway = gateway;
        this.meters = meters;
        this.traces = traces;
    }

    public <R> R send(Object command, Actor actor) {
        return send(command, CommandMetadata.of(actor));
    }

    public <R> R send(Object command, Actor actor, String interviewId) {
        return send(command, CommandMetadata.of(actor, interviewId));
    }

    private <R> R send(Object command, MetaData metadata) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "refused";
        try {
            TextLimits.check(command);
            Map<String, String> trace = traces.current();
            CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadata.mergedWith(trace));
            R result = gateway.sendAndWait(message);
            outcome = "accepted";
            return result;
        } finally {
            sample.stop(Timer.builder(METER).description("Commands sent by the service's controllers, by outcome")
                    .tag("command", command.getClass().getSimpleName()).tag("outcome", outcome)
                    // a few latency buckets (not the full percentile histogram): commands × outcomes × buckets stays small
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(meters));
        }
    }
}
