package org.ppi.platform.projection;

import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts every assigned partition at the offset the database recorded with the last applied event (the
 * beginning when there is none, as after a replay reset), never at Kafka's committed offset, which can be
 * ahead of or behind what the read models contain. The database is shared by every instance of the projection,
 * so a partition that moves to another instance goes on exactly where its previous owner's last batch ended.
 */
public class RecordedOffsets {
    private final ConsumerOffsets offsets;

    public RecordedOffsets(ConsumerOffsets offsets) {
        this.offsets = offsets;
    }

    public void startAtRecorded(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Long next = offsets.next(partition.topic(), partition.partition());
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, next);
            }
        }
    }
}
