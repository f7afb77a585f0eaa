package org.ppi.platform.relay;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.ppi.platform.metrics.Cached;

/**
 * The relay's backlog ({@link RelayLag}, read at most once per {@code refresh}) as gauges:
 * {@code ppi_relay_behind_events} (events in the store not yet on the topic), {@code ppi_relay_parked_events}
 * (events the relay could not publish and parked) and {@code ppi_relay_retrying} (1 while it backs off a
 * transient failure such as Kafka unreachable).
 */
public class RelayMeters implements MeterBinder {
    private final Cached<RelayLag.Status> status;
    private final String topic;

    public RelayMeters(RelayLag lag, String topic, Duration refresh) {
        this.status = new Cached<>(refresh, lag::status);
        this.topic = topic;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ppi.relay.behind.events", status, s -> s.get().eventsBehind())
                .description("Events in the event store not yet published to the topic").tag("topic", topic).register(registry);
        Gauge.builder("ppi.relay.parked.events", status, s -> s.get().parked())
                .description("Events the relay parked (not publishable) and no retry has published").tag("topic", topic)
                .register(registry);
        Gauge.builder("ppi.relay.retrying", status, s -> s.get().retrying() ? 1 : 0)
                .description("1 while the relay backs off a transient failure (e.g. Kafka unreachable)").tag("topic", topic)
                .register(registry);
    }
}
