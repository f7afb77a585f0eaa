package org.ppi.valuechain;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.ppi.valuechain.support.WorkedExample;
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
 * Issue #15's case on a real PostgreSQL: links I1 → I2 → I3 → T, then the catalog merges I3 into I1 (accepted
 * there before this service's links reached it: the race). The merge arriving here closes the cycle
 * I1 → I2 → I1; the guard cuts the link recorded last, and a new link through the merge is refused. Two links
 * that close a cycle together, sent at the same moment on two chains, never both pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.VALUECHAIN, Topics.CATALOG, Topics.SURVEY}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ChainCycleIntegrationTest {
    private static final String TENANT = "inst-cycle";
    private static final String USER = "ana.planner";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "valuechain_cycle");
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
    void aMergeThatClosesACycleIsRepairedAndALinkThroughItIsRefused() throws Exception {
        List<String> products = List.of("T", "I1", "I2", "I3", "T2", "A", "B", "C", "D", "E", "F");
        for (String id : products) {
            publish(WorkedExample.product(TENANT, id, "c1", "Producto " + id,
                    id.startsWith("T") ? ProductType.TERMINAL : ProductType.INTERMEDIATE, false, "1"));
        }
        Await.until("the catalog replica to hold the products", Duration.ofSeconds(30),
                () -> count("select count(*) from known_product where institution_id = '" + TENANT + "'") == products.size());
        assertThat(post("/api/valuechain/impacts", Map.of("id", "im1", "name", "Impacto")).statusCode()).isEqualTo(201);
        assertThat(post("/api/valuechain/results", Map.of("id", "r1", "impactId", "im1", "name", "R")).statusCode())
                .isEqualTo(201);
        assertThat(post("/api/valuechain/chains", Map.of("id", "ch", "name", "Cadena", "resultId", "r1",
                "terminalProductId", "T")).statusCode()).isEqualTo(201);
        assertThat(link("ch", "I3", "T").statusCode()).isEqualTo(200);
        assertThat(link("ch", "I2", "I3").statusCode()).isEqualTo(200);
        assertThat(link("ch", "I1", "I2").statusCode()).isEqualTo(200);

        publish(new ProductMergedInto(TENANT, "catalog.user", "I3", "I1"));

        Await.until("the guard to cut the link that closed I1 → I2 → I1", Duration.ofSeconds(30),
                () -> links().size() == 2);
        assertThat(links()).containsExactlyInAnyOrder("I3>T", "I2>I3");
        assertThat(count("select count(*) from domain_event_entry where payload_type like '%IntermediateUnlinked'"))
                .isEqualTo(1);
        assertThat(jdbc.sql("select updated_by from chain_link where institution_id = ? and intermediate_product_id = 'I2'")
                .param(TENANT).query(String.class).single()).isEqualTo(USER);

        long before = count("select count(*) from domain_event_entry");
        HttpResponse<String> refused = link("ch", "I1", "I2");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("\"code\":\"chain.cycle\"").contains("I2 → I1 → I2")
                .contains("contando las fusiones del catálogo");
        HttpResponse<String> english = api.send("PUT", "/api/valuechain/chains/ch/links",
                Map.of("intermediateProductId", "I1", "feedsProductId", "I2"), TENANT, USER, "en");
        assertThat(english.body()).contains("would close a cycle");
        assertThat(count("select count(*) from domain_event_entry")).isEqualTo(before);

        racingLinksNeverBothPass();
    }

    /** Chains T and T2, each with two intermediates; X → Y on one chain and Y → X on the other, at once. */
    private void racingLinksNeverBothPass() throws Exception {
        assertThat(post("/api/valuechain/chains", Map.of("id", "ch2", "name", "Otra", "resultId", "r1",
                "terminalProductId", "T2")).statusCode()).isEqualTo(201);
        List<String[]> pairs = List.of(new String[] {"A", "B"}, new String[] {"C", "D"}, new String[] {"E", "F"});
        for (String[] pair : pairs) {
            assertThat(link("ch", pair[0], "T").statusCode()).isEqualTo(200);
            assertThat(link("ch2", pair[1], "T2").statusCode()).isEqualTo(200);
            assertThat(link("ch", pair[1], "T").statusCode()).isEqualTo(200);
            assertThat(link("ch2", pair[0], "T2").statusCode()).isEqualTo(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String[] pair : pairs) {
                List<Callable<Integer>> both = List.of(() -> link("ch", pair[0], pair[1]).statusCode(),
                        () -> link("ch2", pair[1], pair[0]).statusCode());
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

    private List<String> links() {
        return jdbc.sql("select intermediate_product_id || '>' || feeds_product_id from chain_link "
                        + "where institution_id = ? and chain_id = 'ch'")
                .param(TENANT).query(String.class).list();
    }

    private HttpResponse<String> link(String chain, String intermediate, String feeds) throws Exception {
        return api.send("PUT", "/api/valuechain/chains/" + chain + "/links",
                Map.of("intermediateProductId", intermediate, "feedsProductId", feeds), TENANT, USER, "es");
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return api.send("POST", path, body, TENANT, USER, "es");
    }

    private void publish(PpiEvent event) throws Exception {
        CloudEventPublisher.publish(kafka, json, Topics.CATALOG, event, Instant.now());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
