package org.ppi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.platform.testing.TopicReader.header;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.Topics;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The door and the relay against a real broker and PostgreSQL: oversized requests and texts are refused before
 * anything is stored; an event the topic no longer accepts (its max.message.bytes lowered after the door read it)
 * is parked after its tries and the relay goes on with the next event, the health and the lag say so, an
 * operator's retry fails while the cause stays and publishes the stored event (same id) once it is fixed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ppi.relay.limit-refresh=PT1H", "ppi.relay.attempt-pause=PT0.05S"})
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG}, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RelayParkingIntegrationTest {
    private static final String TENANT = "inst-relay";
    private static final String OTHER = "inst-relay-b";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "catalog");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOversizedRequestOrTextIsRefusedAndAnUnpublishableEventIsParkedWithoutStoppingTheOthers() throws Exception {
        ApiClient api = new ApiClient(port, json);
        CloudEventPublisher.publish(kafka, json, Topics.SURVEY, new CenterRegistered(TENANT, "u", "rp-c1", "Centro", "s1",
                CenterArea.SUBSTANTIVE, null, null, null, null), Instant.now());
        CloudEventPublisher.publish(kafka, json, Topics.SURVEY, new CenterRegistered(OTHER, "u", "rp-c2", "Centro B", "s1",
                CenterArea.SUBSTANTIVE, null, null, null, null), Instant.now());
        Await.until("both centers in the replica", Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from center_replica where center_id like 'rp-%'").query(Long.class).single() == 2);
        assertThat(send(api, TENANT, product("rp-p0", "rp-c1", "corto")).statusCode()).isEqualTo(201);

        // At the door: a 5 MB body, a text over its limit; neither leaves an event.
        long stored = storedEvents();
        HttpResponse<String> huge = send(api, TENANT, product("rp-huge", "rp-c1", "x".repeat(5 * 1024 * 1024)));
        assertError(huge, 413, "request.too-large", "supera el tamaño máximo de 524.288 bytes");
        HttpResponse<String> longText = api.request("POST", "/api/catalog/products").tenant(TENANT).user("u").language("en")
                .body(product("rp-long", "rp-c1", "x".repeat(4_001))).send();
        assertError(longText, 400, "text.too-long", "Field «description» accepts at most 4,000 characters; 4,001 were sent");
        assertThat(json.readTree(longText.body()).get("field").asString()).isEqualTo("description");
        assertThat(storedEvents()).isEqualTo(stored);

        // The topic now takes 6,000-byte records, but the door read 1 MB an hour ago: the event is stored and the
        // broker refuses it. Parked after 3 tries; the next event, of another institution, is published.
        topicLimit(6_000);
        Map<String, Object> big = product("rp-big", "rp-c1", "d".repeat(3_000));
        big.put("problems", "p".repeat(3_000));
        assertThat(send(api, TENANT, big).statusCode()).isEqualTo(201);
        assertThat(send(api, OTHER, product("rp-after", "rp-c2", "después")).statusCode()).isEqualTo(201);
        var after = TopicReader.first(broker.getBrokersAsString(), Topics.CATALOG, Duration.ofSeconds(30),
                "the product registered after the parked one", r -> "rp-after".equals(header(r, "ce_subject")));
        assertThat(header(after, "ce_tenantid")).isEqualTo(OTHER);

        HttpResponse<String> auditor = api.request("GET", "/api/catalog/admin/relay/parked").tenant(OTHER).user("aud")
                .roles("auditor").send();
        assertError(auditor, 403, "auth.forbidden", "rol");
        JsonNode parked = json.readTree(admin(api, "GET", "/api/catalog/admin/relay/parked").body());
        assertThat(parked.get("totalItems").asLong()).isEqualTo(1);
        JsonNode row = parked.get("items").get(0);
        assertThat(row.get("aggregateId").asString()).as("the stream it is stored in")
                .isEqualTo(ScopedId.of(TENANT, "rp-big"));
        assertThat(row.get("institutionId").asString()).isEqualTo(TENANT);
        assertThat(row.get("eventType").asString()).isEqualTo("org.ppi.catalog.ProductRegistered.v1");
        assertThat(row.get("reason").asString()).startsWith("RecordTooLargeException");
        assertThat(row.get("attempts").asInt()).isEqualTo(3);
        String eventId = row.get("eventId").asString();
        assertThat(jdbc.sql("select count(*) from domain_event_entry where event_identifier = ?").param(eventId)
                .query(Long.class).single()).as("the parked event stays in the event store").isEqualTo(1);

        JsonNode health = health();
        assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/relay/details/code").asString()).isEqualTo("relay.parked");
        assertThat(health.at("/components/relay/details/parked").asLong()).isEqualTo(1);
        JsonNode lag = json.readTree(admin(api, "GET", "/api/catalog/admin/lag").body());
        assertThat(lag.get("parked").asLong()).isEqualTo(1);
        assertThat(lag.get("eventsBehind").asLong()).isZero();

        // A retry while the cause stays: still parked, with the reason. The door has now read the small limit.
        HttpResponse<String> failed = admin(api, "POST", "/api/catalog/admin/relay/parked/" + eventId + "/retry");
        assertError(failed, 409, "relay.retry-failed", "RecordTooLargeException");
        long beforeBig2 = storedEvents();
        Map<String, Object> big2 = product("rp-big2", "rp-c1", "d".repeat(3_000));
        big2.put("problems", "p".repeat(3_000));
        assertError(send(api, TENANT, big2), 413, "event.too-large", "el tópico de eventos admite como máximo 6.000");
        assertThat(storedEvents()).isEqualTo(beforeBig2);

        // The operator raises the topic's limit and retries: the stored event goes out with its own id.
        topicLimit(1_048_588);
        HttpResponse<String> retried = admin(api, "POST", "/api/catalog/admin/relay/parked/" + eventId + "/retry");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).get("publishedAt").isNull()).isFalse();
        var published = TopicReader.first(broker.getBrokersAsString(), Topics.CATALOG, Duration.ofSeconds(30),
                "the retried event", r -> eventId.equals(header(r, "ce_id")));
        assertThat(header(published, "ce_subject")).isEqualTo("rp-big");
        assertThat(published.key()).isEqualTo(TENANT);
        assertThat(health().at("/components/relay/status").asString()).isEqualTo("UP");
        assertThat(json.readTree(admin(api, "GET", "/api/catalog/admin/lag").body()).get("parked").asLong()).isZero();
        assertThat(json.readTree(admin(api, "GET", "/api/catalog/admin/relay/parked?all=true").body())
                .get("totalItems").asLong()).isEqualTo(1);
    }

    private void topicLimit(int bytes) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG);
            Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", String.valueOf(bytes)), AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(change).all().get();
            Await.until("the topic limit to be " + bytes, Duration.ofSeconds(10), () -> bytes == Integer.parseInt(
                    admin.describeConfigs(List.of(topic)).all().get().get(topic).get("max.message.bytes").value()));
        }
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("a degraded service still answers 200").isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The deployment's operator: a platform admin, whose token names no institution. */
    private HttpResponse<String> admin(ApiClient api, String method, String path) throws Exception {
        return api.request(method, path).user("operator").roles("platform-admin").send();
    }

    private HttpResponse<String> send(ApiClient api, String tenant, Map<String, Object> form) throws Exception {
        return api.request("POST", "/api/catalog/products").tenant(tenant).user("u").body(form).send();
    }

    private void assertError(HttpResponse<String> response, int status, String code, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).contains(messagePart);
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static Map<String, Object> product(String id, String centerId, String description) {
        Map<String, Object> form = new HashMap<>();
        form.put("id", id);
        form.put("centerId", centerId);
        form.put("name", "Producto " + id);
        form.put("type", "TERMINAL");
        form.put("core", false);
        form.put("volume", 10);
        form.put("volumeUnit", "unidades");
        form.put("description", description);
        return form;
    }
}
