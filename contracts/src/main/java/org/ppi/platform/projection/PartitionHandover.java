package org.ppi.platform.projection;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * What a projection instance does when partitions change hands in its consumer group. The records are keyed by
 * institution, so the partitions an instance owns are the institutions it applies. On every assignment the instance
 * forgets the in-memory ledgers of the institutions whose partition it no longer owns (Kafka's default partitioner on
 * the key: murmur2 of the institution id modulo the partition count), in the projection's exclusive section so no
 * batch or institution replay is using them; each assigned partition then starts at the offset the database recorded
 * ({@link RecordedOffsets}). A ledger it keeps may still be stale — another instance owned the partition a moment
 * ago and advanced the institution in the shared database — and the institution's version tells it so at the next
 * event ({@link InstitutionVersions}, {@link LedgerFold}): correctness rests on the version, this is only what keeps
 * memory to the owned institutions without reloading them all on every rebalance.
 *
 * <p>With the range assignor, partition i of every input topic goes to the same member only if every input topic has
 * the same partition count: an assignment that shows otherwise is said loudly (an ERROR naming the counts), since an
 * institution's events of two topics could then be applied by two instances; every ledger is forgotten then.
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

    /** The ledgers stay until the next assignment says which institutions are still this instance's. */
    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
                                                Collection<TopicPartition> partitions) {
        assigned.computeIfAbsent(bindingName, b -> ConcurrentHashMap.newKeySet()).removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     boolean initial) {
        Set<TopicPartition> owned = assigned.computeIfAbsent(bindingName, b -> ConcurrentHashMap.newKeySet());
        owned.addAll(partitions);
        int count = partitionCount(consumer, owned);
        Set<Integer> numbers = new TreeSet<>(owned.stream().map(TopicPartition::partition).toList());
        int forgotten = forgetLedgersNotOn(numbers, count);
        offsets.startAtRecorded(consumer, partitions);
        log.info("{}: binding {} owns partitions {} of {}; forgot the ledgers of {} institution(s) on other partitions",
                projection, bindingName, numbers, count, forgotten);
    }

    /** The partition of an institution's records: Kafka's default partitioner on the key, which is the institution. */
    static int partitionOf(String institutionId, int partitions) {
        return Utils.toPositive(Utils.murmur2(institutionId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The partitions this instance owns now, per binding (empty between a revocation and the next assignment). */
    public Map<String, Set<TopicPartition>> assigned() {
        Map<String, Set<TopicPartition>> copy = new TreeMap<>();
        assigned.forEach((binding, partitions) -> copy.put(binding, Set.copyOf(partitions)));
        return copy;
    }

    /** How many ledgers were forgotten; all of them when the topics' partition counts differ or are unknown. */
    private int forgetLedgersNotOn(Set<Integer> numbers, int count) {
        ReplayPlan replay = plan.getIfAvailable();
        if (replay == null) {
            return 0;
        }
        return replay.transaction().exclusively(() -> {
            if (count > 0 && replay.fold() instanceof LedgerFold<?, ?> ledgers) {
                int forgotten = 0;
                for (String institution : ledgers.institutions()) {
                    if (!numbers.contains(partitionOf(institution, count))) {
                        replay.fold().forget(institution);
                        forgotten++;
                    }
                }
                return forgotten;
            }
            replay.forget().run();
            return -1;
        });
    }

    /**
     * The partition count of the owned topics, or 0 when they differ: with the range assignor, partition i of every
     * input topic goes to the same member only if every input topic has the same count, so a difference is said
     * loudly (one institution's events of two topics could then be applied by two instances).
     */
    private int partitionCount(Consumer<?, ?> consumer, Set<TopicPartition> owned) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : owned.stream().map(TopicPartition::topic).distinct().toList()) {
            counts.put(topic, consumer.partitionsFor(topic).size());
        }
        if (counts.values().stream().distinct().count() > 1) {
            log.error("{}: the input topics have different partition counts {}: one institution's events of two topics "
                    + "may go to two instances. Give every platform topic ppi.kafka.partitions partitions before running "
                    + "more than one instance.", projection, counts);
            return 0;
        }
        return counts.values().stream().findFirst().orElse(0);
    }
}
