package org.ppi.platform.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ppi.platform.inbox.CloudEventReader;

/**
 * What a projection applied, as meters an operator reads (tag {@code projection} = {@code ppi.projection.name}):
 * <ul>
 *   <li>{@code ppi_projection_events_applied_total{topic}}: events folded into the read models (first deliveries;
 *   redeliveries and parked events are not counted), counted once their batch committed; its rate is events/s.</li>
 *   <li>{@code ppi_projection_institution_lag_seconds{institution}}: for the newest event applied for the
 *   institution, the seconds between its recording on the write side ({@code ce_recordedat}) and the commit that
 *   put it in the figures: how late the institution's figures followed its last change. The projection cannot
 *   see events still on the topic per institution (that would mean reading the topic ahead), so records not yet
 *   consumed show in the per-topic lag ({@link ProjectionMeters}) and an institution held back by a parked event
 *   in {@code ppi_projection_institution_parked_events}.</li>
 * </ul>
 */
public class ProjectionMetrics {
    /** No registry (kernel unit tests): counted nowhere an operator looks. */
    public static ProjectionMetrics none() {
        return new ProjectionMetrics(new SimpleMeterRegistry(), "none");
    }

    private final MeterRegistry meters;
    private final String projection;
    private final Map<String, Counter> appliedByTopic = new ConcurrentHashMap<>();
    private final Map<String, Double> lagByInstitution = new ConcurrentHashMap<>();

    public ProjectionMetrics(MeterRegistry meters, String projection) {
        this.meters = meters;
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }

    /** A committed batch's applied events (in the order applied), at the moment of the commit. */
    void applied(List<CloudEventReader.Delivery> applied, Instant committedAt) {
        Map<String, Instant> newestRecorded = new java.util.HashMap<>();
        for (CloudEventReader.Delivery d : applied) {
            appliedByTopic.computeIfAbsent(d.event().topic(), topic -> Counter.builder("ppi.projection.events.applied")
                    .description("Events the projection applied to its read models").tag("projection", projection)
                    .tag("topic", topic).register(meters)).increment();
            String institution = EventLog.institutionOf(d.event());
            if (institution != null && d.event().recordedAt() != null) {
                newestRecorded.merge(institution, d.event().recordedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        newestRecorded.forEach((institution, recorded) -> {
            double seconds = Math.max(0, Duration.between(recorded, committedAt).toMillis() / 1000.0);
            if (lagByInstitution.put(institution, seconds) == null) {
                Gauge.builder("ppi.projection.institution.lag", lagByInstitution, m -> m.getOrDefault(institution, 0.0))
                        .description("Seconds between the recording of the institution's newest applied event and its "
                                + "application").baseUnit("seconds").tag("projection", projection)
                        .tag("institution", institution).register(meters);
            }
        });
    }
}
