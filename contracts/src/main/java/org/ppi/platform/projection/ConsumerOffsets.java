package org.ppi.platform.projection;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;


/** Where each topic partition was read up to, kept with the figures (same transaction). */

public class ConsumerOffsets {
    private final JdbcClient jdbc;

    public ConsumerOffsets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void advance(String topic, int partition, long offset) {
        int updated = jdbc.sql("update consumer_offset set next_offset = ? where topic = ? and partition_no = ? and next_offset <= ?")
                .params(offset + 1, topic, partition, offset).update();
        if (updated == 0 && next(topic, partition) == null) {
            jdbc.sql("insert into consumer_offset (topic, partition_no, next_offset) values (?,?,?)")
                    .params(topic, partition, offset + 1).update();
        }
    }

    public Long next(String topic, int partition) {
        return jdbc.sql("select next_offset from consumer_offset where topic = ? and partition_no = ?")
                .params(topic, partition).query(Long.class).optional().orElse(null);
    }

    public Map<String, Long> all() {
        Map<String, Long> result = new HashMap<>();
        jdbc.sql("select topic, partition_no, next_offset from consumer_offset")
                .query((rs, i) -> result.put(rs.getString(1) + "-" + rs.getInt(2), rs.getLong(3))).list();
        return result;
    }
}
