package org.ppi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #15's case on a real PostgreSQL: the value chains link I1 → I2 → I3 → T (the value-chain topic feeds the
 * catalog's link replica); merging I3 into I1 would make costing's graph cycle and is refused with 409, no event
 * written. Once a link is gone the same merge passes. Two merges that would each take the other's target, sent
 * at once, never both pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG, Topics.VALUECHAIN}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class MergeCycleIntegrationTest {
    private static final String TENANT = "inst-merge";
    private static final String USER = "ana.planner";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "catalog_merge");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
    }

    @Test
    void refusesMergingI3IntoI1WhenTheChainsLinkI1ToI2ToI3ToT() throws Exception {
        publish(Topics.SURVEY, new CenterRegistered(TENANT, "survey.user", "c1", "Dirección", "s1",
                CenterArea.SUPPORT, null, null, null, null));
        Await.until("the center replica", Duration.ofSeconds(30),
                () -> count("select count(*) from center_replica") == 1);
        register("T", "TERMINAL");
        for (String id : List.of("I1", "I2", "I3", "A", "B", "C", "D")) {
            register(id, "INTERMEDIATE");
        }
        publish(Topics.VALUECHAIN, linked("I3", "T"));
        publish(Topics.VALUECHAIN, linked("I2", "I3"));
        publish(Topics.VALUECHAIN, linked("I1", "I2"));
        Await.until("the link replica to hold the three links", Duration.ofSeconds(30),
                () -> count("select count(*) from link_replica") == 3);

        long before = count("select count(*) from domain_event_entry");
        HttpResponse<String> refused = merge("I3", "I1", "es");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("\"code\":\"product.merge-cycle\"").contains("I1 → I2 → I1")
                .contains("cerraría un ciclo");
        assertThat(merge("I3", "I1", "en").body()).contains("would close a cycle in the value chains");
        assertThat(count("select count(*) from domain_event_entry")).isEqualTo(before);

        publish(Topics.VALUECHAIN, new IntermediateUnlinked(TENANT, USER, "ch", "I1", "I2"));
        Await.until("the unlink to reach the replica", Duration.ofSeconds(30),
                () -> count("select count(*) from link_replica") == 2);
        assertThat(merge("I3", "I1", "es").statusCode()).isEqualTo(200);

        racingMergesNeverBothPass();
    }

    private void racingMergesNeverBothPass() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String[] pair : List.of(new String[] {"A", "B"}, new String[] {"C", "D"})) {
                List<Callable<Integer>> both = List.of(() -> merge(pair[0], pair[1], "es").statusCode(),
                        () -> merge(pair[1], pair[0], "es").statusCode());
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(both)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).as("%s and %s", pair[0], pair[1]).containsExactlyInAnyOrder(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private IntermediateLinked linked(String intermediate, String feeds) {
        return new IntermediateLinked(TENANT, USER, "ch", intermediate, feeds, BigDecimal.ONE);
    }

    private void register(String id, String type) throws Exception {
        HttpResponse<String> response = api.send("POST", "/api/catalog/products",
                Map.of("id", id, "centerId", "c1", "name", "Producto " + id, "type", type), TENANT, USER, "es");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private HttpResponse<String> merge(String source, String target, String language) throws Exception {
        return api.send("POST", "/api/catalog/products/" + source + "/merge", Map.of("targetProductId", target), TENANT,
                USER, language);
    }

    private void publish(String topic, PpiEvent event) throws Exception {
        CloudEventPublisher.publish(kafka, json, topic, event, Instant.now());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
