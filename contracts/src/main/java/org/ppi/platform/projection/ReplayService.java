package org.ppi.platform.projection;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.ppi.platform.web.DomainRejection;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds every read model of a projection service from the beginning of the topics: stop the consumers, empty the read
 * side (figures, log, history, inbox and the recorded offsets) in one transaction, start the consumers again;
 * with no recorded offsets they read from offset 0. Progress is the recorded offsets against the topics' end
 * offsets taken at the start. Killed half-way, the service resumes from the offsets recorded with the
 * figures, so it still ends with the same figures.
 */
public class ReplayService {
    private static final List<String> SHARED_TABLES = List.of("consumer_offset", "inbox_event", "event_log", "recalculation_log");

    private final ReplayPlan plan;
    private final BindingsLifecycleController bindings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ConsumerOffsets offsets;
    private final KafkaAdmin admin;
    private final JsonMapper json;
    private final List<String> groups;

    public ReplayService(ReplayPlan plan, BindingsLifecycleController bindings, JdbcClient jdbc, TransactionTemplate tx,
                         ConsumerOffsets offsets, KafkaAdmin admin, JsonMapper json) {
        this(plan, bindings, jdbc, tx, offsets, admin, json, List.of());
    }

    /** @param groups the consumer groups of the plan's bindings, asked for other members before a replay */
    public ReplayService(ReplayPlan plan, BindingsLifecycleController bindings, JdbcClient jdbc, TransactionTemplate tx,
                         ConsumerOffsets offsets, KafkaAdmin admin, JsonMapper json, List<String> groups) {
        this.groups = List.copyOf(groups);
        this.plan = plan;
        this.bindings = bindings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.offsets = offsets;
        this.admin = admin;
        this.json = json;
    }

    public synchronized ReplayStatus start() {
        Optional<ReplayStatus> current = status();
        if (current.isPresent() && !current.get().finished()) {
            throw DomainRejection.conflict("replay.running", null);
        }
        Map<String, Long> targets = endOffsets();
        for (String binding : plan.bindings()) {
            bindings.changeState(binding, BindingsLifecycleController.State.STOPPED);
        }
        try {
            refuseBesideOtherInstances();
            plan.transaction().exclusively(() -> {
                tx.executeWithoutResult(s -> {
                    for (String table : SHARED_TABLES) {
                        jdbc.sql("delete from " + table).update();
                    }
                    for (String table : plan.tables()) {
                        jdbc.sql("delete from " + table).update();
                    }
                    // Open parked events are met again from offset 0 (and parked again if they still fail); an
                    // operator's skip stands: the skipped events count as delivered, so the replay passes them by.
                    jdbc.sql("delete from projection_parked where resolution is null").update();
                    jdbc.sql("insert into inbox_event (event_id, topic, event_type, processed_at) "
                            + "select distinct event_id, topic, event_type, current_timestamp from projection_parked "
                            + "where resolution = ?").param(ParkedEvents.SKIPPED).update();
                    jdbc.sql("insert into replay_run (started_at, targets) values (?, ?)")
                            .params(Timestamp.from(Instant.now()), json.writeValueAsString(targets)).update();
                });
                plan.forget().run();
                return null;
            });
        } finally {
            for (String binding : plan.bindings()) {
                bindings.changeState(binding, BindingsLifecycleController.State.STARTED);
            }
        }
        return status().orElseThrow();
    }

    /**
     * A replay empties the read models under this instance's stopped consumers; another instance of the projection
     * would go on applying from its own position into the emptied tables and the rebuilt figures would miss what it
     * had read. So with this instance's consumers stopped, any member left in the group refuses the replay (409
     * {@code replay.other-instances}): scale the projection to one instance, replay, scale back.
     */
    private void refuseBesideOtherInstances() {
        if (groups.isEmpty()) {
            return;
        }
        List<String> others;
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            others = client.describeConsumerGroups(groups).all().get(10, java.util.concurrent.TimeUnit.SECONDS).values()
                    .stream().flatMap(g -> g.members().stream()).map(m -> m.clientId() + "@" + m.host()).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the members of the consumer groups " + groups, e);
        }
        if (!others.isEmpty()) {
            throw DomainRejection.conflict("replay.other-instances", null, others.size(), String.join(", ", others));
        }
    }

    /** The last replay: running (with progress) or finished (with duration and events per second). */
    public synchronized Optional<ReplayStatus> status() {
        Optional<Run> run = jdbc.sql("select id, started_at, finished_at, targets, events from replay_run order by id desc limit 1")
                .query((rs, i) -> new Run(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5)))
                .optional();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Run r = run.get();
        Map<String, Long> targets = json.readValue(r.targets(), new TypeReference<Map<String, Long>>() {
        });
        Map<String, Long> reached = offsets.all();
        long remaining = 0;
        long total = 0;
        for (Map.Entry<String, Long> target : targets.entrySet()) {
            remaining += Math.max(0, target.getValue() - reached.getOrDefault(target.getKey(), 0L));
            total += target.getValue();
        }
        long applied = jdbc.sql("select count(*) from event_log").query(Long.class).single();
        Instant finishedAt = r.finishedAt();
        Long events = r.events();
        if (finishedAt == null && remaining == 0) {
            finishedAt = Instant.now();
            events = applied;
            jdbc.sql("update replay_run set finished_at = ?, events = ? where id = ?")
                    .params(Timestamp.from(finishedAt), events, r.id()).update();
        }
        Instant until = finishedAt == null ? Instant.now() : finishedAt;
        Progress progress = Progress.of(total - remaining, total, Duration.between(r.startedAt(), until));
        return Optional.of(ReplayStatus.of(r.startedAt(), finishedAt, events == null ? applied : events, remaining, progress));
    }

    /**
     * How far the read models are behind the topics, per topic partition and in all: what an operator checks
     * before trusting "now" (0 = every event published so far is in the figures).
     */
    public Lag lag() {
        Map<String, Long> ends = endOffsets();
        Map<String, Long> reached = offsets.all();
        Map<String, Long> behind = new java.util.TreeMap<>();
        long total = 0;
        for (Map.Entry<String, Long> end : ends.entrySet()) {
            long missing = Math.max(0, end.getValue() - reached.getOrDefault(end.getKey(), 0L));
            behind.put(end.getKey(), missing);
            total += missing;
        }
        return new Lag(total, behind);
    }

    public record Lag(long eventsBehind, Map<String, Long> byPartition) {
    }

    private Map<String, Long> endOffsets() {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            var existing = client.listTopics().names().get();
            var descriptions = client.describeTopics(plan.topics().stream().filter(existing::contains).toList()).allTopicNames().get();
            descriptions.forEach((topic, d) -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<String, Long> result = new HashMap<>();
            client.listOffsets(request).all().get().forEach((tp, info) -> result.put(tp.topic() + "-" + tp.partition(), info.offset()));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the topics' end offsets", e);
        }
    }

    private record Run(long id, Instant startedAt, Instant finishedAt, String targets, Long events) {
    }

    /**
     * {@code events}: events applied so far; {@code progress}: topic records read against the topics' end offsets at
     * the start (records, not events: a duplicate or a skipped record counts as read), with rate and time left.
     */
    public record ReplayStatus(Instant startedAt, Instant finishedAt, boolean finished, long events,
                               long remainingOffsets, Long millis, Long eventsPerSecond, Progress progress) {
        static ReplayStatus of(Instant started, Instant finished, long events, long remaining, Progress progress) {
            Long millis = finished == null ? null : Duration.between(started, finished).toMillis();
            Long rate = millis == null || millis == 0 ? null : events * 1000 / millis;
            return new ReplayStatus(started, finished, finished != null, events, remaining, millis, rate, progress);
        }
    }
}
