package org.ppi.launcher.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** Changes a topic's {@code max.message.bytes} as an operator would, and puts the original back when closed. */
final class TopicConfig implements AutoCloseable {
    private final AdminClient admin;
    private final ConfigResource topic;
    private final String original;

    TopicConfig(String bootstrap, String topic) throws Exception {
        this.admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap));
        this.topic = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        this.original = current();
    }

    void maxMessageBytes(int bytes) throws Exception {
        set(String.valueOf(bytes));
    }

    private void set(String value) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(topic, List.of(
                new AlterConfigOp(new ConfigEntry("max.message.bytes", value), AlterConfigOp.OpType.SET)));
        admin.incrementalAlterConfigs(change).all().get();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!value.equals(current())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("max.message.bytes of " + topic.name() + " did not become " + value);
            }
            Thread.sleep(100);
        }
    }

    private String current() throws Exception {
        return admin.describeConfigs(List.of(topic)).all().get().get(topic).get("max.message.bytes").value();
    }

    @Override
    public void close() throws Exception {
        try {
            set(original);
        } finally {
            admin.close();
        }
    }
}
