package org.ppi.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.ppi.platform.tracing.Traces;
import org.ppi.platform.web.Actor;

/** The command gateway counts and times each command by outcome and hands the current trace to the command. */
public class ActorCommandGatewayTest {
    public record RenameThing(String id, String name) {
    }

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A command bus stand-in: records the message; a command named "refuse" is refused like an aggregate would. */
    private CommandGateway bus() {
        return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{CommandGateway.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("sendAndWait")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    CommandMessage<?> message = (CommandMessage<?>) args[0];
                    sent.add(message);
                    if (((RenameThing) message.getPayload()).name().equals("refuse")) {
                        throw new IllegalStateException("refused");
                    }
                    return "ok";
                });
    }

    @Test
    void eachCommandIsTimedByOutcomeAndCarriesTheTraceItWasSentIn() {
        Traces traces = org.ppi.platform.tracing.TracesTest.traces();
        ActorCommandGateway gateway = new ActorCommandGateway(bus(), meters, traces);
        Actor actor = new Actor("inst-1", "user-1");
        String traceparent = org.ppi.platform.tracing.TracesTest.RECORDED;

        Object answer = traces.continued(traceparent, null, "http", List.of(), () -> gateway.send(new RenameThing("t", "new"), actor));
        assertThatThrownBy(() -> gateway.send(new RenameThing("t", "refuse"), actor)).hasMessage("refused");

        assertThat(answer).isEqualTo("ok");
        assertThat(Traces.traceIdOf((String) sent.get(0).getMetaData().get(Traces.TRACEPARENT)))
                .isEqualTo(Traces.traceIdOf(traceparent));
        assertThat(sent.get(0).getMetaData()).containsEntry(CommandMetadata.TENANT, "inst-1");
        assertThat(sent.get(1).getMetaData()).as("sent outside a trace").doesNotContainKey(Traces.TRACEPARENT);
        assertThat(meters.get("ppi.commands").tags("command", "RenameThing", "outcome", "accepted").timer().count()).isEqualTo(1);
        assertThat(meters.get("ppi.commands").tags("command", "RenameThing", "outcome", "refused").timer().count()).isEqualTo(1);
    }
}
