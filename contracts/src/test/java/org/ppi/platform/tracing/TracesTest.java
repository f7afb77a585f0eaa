package org.ppi.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

/** The trace context the platform carries by hand, on the OpenTelemetry bridge the services run with. */
public class TracesTest {
    public static final String RECORDED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    public static Traces traces() {
        io.opentelemetry.api.trace.Tracer otel = SdkTracerProvider.builder().build().get("test");
        ContextPropagators w3c = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        return new Traces(new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { }), new OtelPropagator(w3c, otel));
    }

    @Test
    void workContinuedFromAnEventsTraceparentRunsInAChildSpanOfThatTrace() {
        Traces traces = traces();
        assertThat(traces.current()).as("no span yet").isEmpty();
        Map<String, String> inside = traces.continued(RECORDED, null, "ppi.projection.apply", List.of(), traces::current);
        String traceparent = inside.get(Traces.TRACEPARENT);
        assertThat(Traces.traceIdOf(traceparent)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(traceparent).as("a span of its own").isNotEqualTo(RECORDED).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traces.current()).as("the span ended with the work").isEmpty();
    }

    @Test
    void anEventWithoutTraceparentIsAppliedWithoutASpan() {
        Traces traces = traces();
        assertThat(traces.continued(null, null, "ppi.projection.apply", List.of(RECORDED), traces::current)).isEmpty();
        assertThat(Traces.NONE.continued(RECORDED, null, "x", List.of(), Traces.NONE::current)).isEmpty();
        assertThat(Traces.traceIdOf("garbage")).isNull();
    }
}
