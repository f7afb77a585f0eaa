package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** The partition the handover attributes to an institution is the one Kafka's producer writes its records to. */
class PartitionHandoverTest {

    @Test
    void anInstitutionsPartitionIsTheProducersForItsKey() {
        for (int partitions = 1; partitions <= 12; partitions++) {
            for (int i = 0; i < 200; i++) {
                String institution = "institución-" + i;
                assertThat(PartitionHandover.partitionOf(institution, partitions)).as(institution + " of " + partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(institution.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
