package org.ppi.platform.projection;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * What a projection instance does when partitions change hands in its consumer group. The records are keyed by
 * institution, so the partitions an instance owns are the institutions it applies; another instance may have owned
 * them a moment ago and advanced their figures in the shared database. So on every assignment and revocation the
 * instance forgets its in-memory ledgers (each reloads from the event log in the database when next needed, see
 * {@link Ledgers}), in the projection's exclusive section so no batch or institution replay is using them; then each
 * assigned partition starts at the offset the database recorded ({@link RecordedOffsets}).
 *
 * <p>With the range assignor, partition i of every input topic goes to the same member only if every input topic has
 * the same partition count: an assignment that shows otherwise is said loudly (an ERROR naming the counts), since an
 * institution's events of two topics could then be applied by two instances.
 */
public class PartitionHandover implements KafkaBindingRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(PartitionHandover.class);

    private final RecordedOffsets offsets;
    private final ObjectProvider<ReplayPlan> plan;
    private final String projection;
    private final Map<String, Set<TopicPartition>> assigned = new ConcurrentHashMap<>();

    public PartitionHandover(RecordedOffsets offsets, ObjectProvider<ReplayPlan> plan, String projection) {
        this.offsets = offsets;
        this.plan = plan;
        this.projection = projection;
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
                                                Collection<TopicPartition> partitions) {
        assigned.computeIfAbsent(bindingName, b -> ConcurrentHashMap.newKeySet()).removeAll(partitions);
        forgetLedgers();
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     boolean initial) {
        Set<TopicPartition> owned = assigned.computeIfAbsent(bindingName, b -> ConcurrentHashMap.newKeySet());
        owned.addAll(partitions);
        forgetLedgers();
        offsets.startAtRecorded(consumer, partitions);
        checkCoPartitioned(consumer, owned);
        log.info("{}: binding {} owns partitions {} (their institutions' ledgers reload from the database)", projection,
                bindingName, new TreeSet<>(owned.stream().map(TopicPartition::toString).toList()));
    }

    /** The partitions this instance owns now, per binding (empty between a revocation and the next assignment). */
    public Map<String, Set<TopicPartition>> assigned() {
        Map<String, Set<TopicPartition>> copy = new TreeMap<>();
        assigned.forEach((binding, partitions) -> copy.put(binding, Set.copyOf(partitions)));
        return copy;
    }

    private void forgetLedgers() {
        ReplayPlan replay = plan.getIfAvailable();
        if (replay != null) {
            replay.transaction().exclusively(() -> {
                replay.forget().run();
                return null;
            });
        }
    }

    private void checkCoPartitioned(Consumer<?, ?> consumer, Set<TopicPartition> owned) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : owned.stream().map(TopicPartition::topic).distinct().toList()) {
            counts.put(topic, consumer.partitionsFor(topic).size());
        }
        if (counts.values().stream().distinct().count() > 1) {
            log.error("{}: the input topics have different partition counts {}: one institution's events of two topics "
                    + "may go to two instances. Give every platform topic ppi.kafka.partitions partitions before running "
                    + "more than one instance.", projection, counts);
        }
    }
}
