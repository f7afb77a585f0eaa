package org.ppi.platform.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.ppi.platform.metrics.Cached;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projection's backlogs as gauges, read when Prometheus scrapes (each source at most once per
 * {@code refresh}, however many gauges read it):
 * <ul>
 *   <li>{@code ppi_projection_lag_records{topic}}: Kafka consumer lag, the records on the topic (all partitions)
 *   after the offsets recorded with the read models (NaN while the broker cannot be asked).</li>
 *   <li>{@code ppi_projection_parked_events}: events parked and not resolved (the poison ones and those waiting
 *   behind them); {@code ppi_projection_institution_parked_events{institution}} the same per institution.</li>
 *   <li>{@code ppi_outbox_pending_events}: the projection's own events written to its outbox and not yet
 *   acknowledged by Kafka.</li>
 * </ul>
 */
public class ProjectionMeters implements MeterBinder {
    private final ReplayService replay;
    private final List<String> topics;
    private final JdbcClient jdbc;
    private final String projection;
    private final Cached<Map<String, Long>> lag;
    private final Cached<Map<String, Long>> parkedByInstitution;
    private final Cached<Long> outbox;
    private MeterRegistry registry;

    public ProjectionMeters(ReplayService replay, List<String> topics, JdbcClient jdbc, String projection, Duration refresh) {
        this.replay = replay;
        this.topics = topics;
        this.jdbc = jdbc;
        this.projection = projection;
        this.lag = new Cached<>(refresh, this::readLag);
        this.parkedByInstitution = new Cached<>(refresh, this::readParked);
        this.outbox = new Cached<>(refresh, () -> jdbc.sql("select count(*) from outbox where published_at is null")
                .query(Long.class).single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String topic : topics) {
            Gauge.builder("ppi.projection.lag", lag, l -> {
                        Map<String, Long> byTopic = l.get();
                        return byTopic == null ? Double.NaN : byTopic.getOrDefault(topic, 0L);
                    }).description("Records on the topic the projection has not applied yet (Kafka consumer lag)")
                    .baseUnit("records").tag("projection", projection).tag("topic", topic).register(registry);
        }
        Gauge.builder("ppi.projection.parked.events", parkedByInstitution, p -> {
                    Map<String, Long> all = p.get();
                    registerInstitutions(all);
                    return all.values().stream().mapToLong(Long::longValue).sum();
                }).description("Events the projection parked and nobody retried or skipped yet")
                .tag("projection", projection).register(registry);
        Gauge.builder("ppi.outbox.pending.events", outbox, o -> o.get())
                .description("Events in the projection's outbox not yet acknowledged by Kafka")
                .tag("projection", projection).register(registry);
    }

    /** A gauge per institution with parked events (it reads 0 once they are resolved). */
    private void registerInstitutions(Map<String, Long> byInstitution) {
        for (String institution : byInstitution.keySet()) {
            Gauge.builder("ppi.projection.institution.parked.events", parkedByInstitution,
                            p -> p.get().getOrDefault(institution, 0L))
                    .description("The institution's parked events: its figures wait for them")
                    .tag("projection", projection).tag("institution", institution).register(registry);
        }
    }

    private Map<String, Long> readLag() {
        Map<String, Long> byTopic = new HashMap<>();
        try {
            replay.lag().byPartition().forEach((topicPartition, behind) ->
                    byTopic.merge(topicPartition.substring(0, topicPartition.lastIndexOf('-')), behind, Long::sum));
            return byTopic;
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    private Map<String, Long> readParked() {
        Map<String, Long> byInstitution = new HashMap<>();
        jdbc.sql("select coalesce(institution_id, ''), count(*) from projection_parked where resolution is null "
                        + "group by coalesce(institution_id, '')")
                .query((rs, i) -> byInstitution.put(rs.getString(1), rs.getLong(2))).list();
        return byInstitution;
    }
}
