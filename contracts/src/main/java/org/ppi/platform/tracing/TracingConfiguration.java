package org.ppi.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The platform's {@link Traces}: on the tracer and propagator Spring Boot configures (Micrometer Tracing over
 * OpenTelemetry, W3C propagation), or {@link Traces#NONE} where there is none.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(Tracer.class)
public class TracingConfiguration {

    @Bean
    public Traces ppiTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? Traces.NONE : new Traces(t, p);
    }
}
