package org.ppi.platform.tracing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) as the platform carries it where no
 * instrumentation does: from the command into the Axon event's metadata, from there onto the Kafka record (the
 * CloudEvents distributed-tracing extension, {@code ce_traceparent}), and back into a span when a projection applies
 * the event. {@link #NONE} (no tracer on the classpath or in a test) carries nothing and runs the work as it is.
 */
public class Traces {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** No tracing: nothing captured, work runs without a span. */
    public static final Traces NONE = new Traces(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as W3C headers ({@code traceparent}, maybe {@code tracestate}); empty without one. */
    public Map<String, String> current() {
        Map<String, String> carrier = new LinkedHashMap<>();
        if (tracer == null) {
            return carrier;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) {
            propagator.inject(context, carrier, (map, key, value) -> {
                if (TRACEPARENT.equals(key) || TRACESTATE.equals(key)) {
                    map.put(key, value);
                }
            });
        }
        return carrier;
    }

    /**
     * Runs {@code work} in a new span that continues the trace named by {@code traceparent} (a child of the span
     * that recorded the event), so its log lines carry that trace id; {@code linked} are the trace contexts of the
     * other events the work also stands for (span links: a batch's settle is one span for many traces). Without a
     * {@code traceparent} (an event recorded before tracing, or tracing off) the work runs as it is.
     */
    public <T> T continued(String traceparent, String tracestate, String name, Collection<String> linked, Supplier<T> work) {
        if (tracer == null || traceparent == null) {
            return work.get();
        }
        Span.Builder builder = propagator.extract(carrier(traceparent, tracestate), Map::get).name(name).kind(Span.Kind.CONSUMER);
        for (String other : linked) {
            if (other != null && !other.equals(traceparent)) {
                TraceContext context = contextOf(other);
                if (context != null) {
                    builder.addLink(new Link(context));
                }
            }
        }
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The trace id a traceparent names ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    private TraceContext contextOf(String traceparent) {
        String[] parts = traceparent.split("-");
        if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16) {
            return null;
        }
        return tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled("01".equals(parts[3])).build();
    }

    private static Map<String, String> carrier(String traceparent, String tracestate) {
        Map<String, String> carrier = new LinkedHashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return carrier;
    }
}
