package org.ppi.catalog.tenancy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ppi.catalog.support.ReadModelDatabases;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.tenancy.ScopedStoreCheck;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up check of the kernel against Axon's event store schema (H2 in PostgreSQL mode). */
class ScopedStoreCheckTest {
    private final JdbcClient jdbc = JdbcClient.create(ReadModelDatabases.h2());

    @Test
    void aNewStoreAndAStoreOfScopedStreamsStart() {
        assertThatCode(() -> ScopedStoreCheck.requireScopedStore(jdbc)).doesNotThrowAnyException();
        stream(1, "Product", ScopedId.of("inst-a", "P001"));
        stream(2, "Institution", "inst-a");
        assertThatCode(() -> ScopedStoreCheck.requireScopedStore(jdbc)).doesNotThrowAnyException();
    }

    @Test
    void aStoreWithAStreamUnderABareClientIdIsRefusedWithWhatToDo() {
        stream(1, "Product", ScopedId.of("inst-a", "P001"));
        stream(2, "Product", "P002");
        assertThatThrownBy(() -> ScopedStoreCheck.requireScopedStore(jdbc)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Product P002").hasMessageContaining("borre .ppi/")
                .hasMessageContaining("delete .ppi/");
    }

    private void stream(long globalIndex, String type, String aggregateId) {
        jdbc.sql("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, payload, payload_type, time_stamp) values (?, ?, 0, ?, ?, ?, 'x', 'now')")
                .params(globalIndex, aggregateId, type, "ev-" + globalIndex, new byte[] {1}).update();
    }
}
