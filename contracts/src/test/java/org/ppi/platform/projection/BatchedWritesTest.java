package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.platform.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The projection's batched writes on PostgreSQL: sent at the flush, saves update or insert, all or nothing. */
class BatchedWritesTest {
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private BatchedWrites writes;

    @BeforeEach
    void setUp() {
        TestDatabase.Connection c = TestDatabase.connection();
        String schema = "t_writes_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(new DriverManagerDataSource(c.url(), c.user(), c.password())).execute("create schema " + schema);
        DriverManagerDataSource data = new DriverManagerDataSource(TestDatabase.withSchema(c.url(), schema), c.user(), c.password());
        jdbc = new JdbcTemplate(data);
        jdbc.execute("create table figure (institution_id varchar(20), id varchar(20), amount numeric(21,2), version integer, "
                + "primary key (institution_id, id))");
        jdbc.execute("create table line (text varchar(50))");
        tx = new TransactionTemplate(new DataSourceTransactionManager(data));
        writes = new BatchedWrites(jdbc);
    }

    @Test
    void writesWaitForTheFlushAndASavedRowIsUpdatedInPlaceOrInsertedOnce() {
        jdbc.update("insert into figure values ('A', 'p1', 1.00, 1)");
        tx.executeWithoutResult(status -> writes.batching(() -> {
            writes.update("insert into line values (?)", "uno");
            save("A", "p1", "2.00");
            save("A", "p2", "3.00");
            save("A", "p2", "4.00"); // the later values win, one row
            save("B", "p1", "5.00");
            assertThat(jdbc.queryForObject("select count(*) from line", Long.class)).as("nothing sent yet").isZero();
            writes.flush();
            assertThat(jdbc.queryForObject("select count(*) from line", Long.class)).isEqualTo(1);
            writes.update("insert into line values (?)", "dos");
            return null;
        }));
        assertThat(jdbc.queryForList("select institution_id || '/' || id || '=' || amount || ' v' || version from figure order by 1",
                String.class)).containsExactly("A/p1=2.00 v2", "A/p2=4.00 v1", "B/p1=5.00 v1");
        assertThat(jdbc.queryForList("select text from line order by 1", String.class)).containsExactly("dos", "uno");
        assertThat(writes.isBatching()).isFalse();
    }

    @Test
    void aFailureInTheBatchLeavesNothingAndTheNextWritesGoAtOnce() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> writes.batching(() -> {
            save("A", "p1", "2.00");
            writes.flush();
            save("A", "p2", "3.00");
            throw new IllegalStateException("a settle failed");
        }))).hasMessage("a settle failed");
        assertThat(jdbc.queryForObject("select count(*) from figure", Long.class)).isZero();
        save("A", "p9", "9.00");
        assertThat(jdbc.queryForObject("select count(*) from figure", Long.class)).as("outside a batch: at once").isEqualTo(1);
    }

    private void save(String institution, String id, String amount) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("institution_id", institution);
        key.put("id", id);
        writes.save("figure", key, Map.of("amount", new java.math.BigDecimal(amount)), true);
    }
}
