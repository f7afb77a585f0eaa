package org.ppi.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.platform.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey service against a real PostgreSQL and an in-process KRaft broker: commands over HTTP become
 * events in the event store, reach ppi.survey.events as CloudEvents, and the catalog replica fed from
 * ppi.catalog.events gates allocations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG}, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SurveyServiceIntegrationTest {
    private static final String TENANT = "inst-it";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "survey");
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void allocationTravelsFromHttpToTheSurveyTopicWithTenantUserAndInterview() throws Exception {
        assertThat(post("/api/survey/institution", Map.of("name", "Defensor del Pueblo", "currency", "DOP",
                "fiscalYear", 2026)).statusCode()).isEqualTo(201);
        assertThat(post("/api/survey/centers", Map.of("id", "it-c1", "name", "Dirección de Atención", "area", "SUBSTANTIVE"))
                .statusCode()).isEqualTo(201);
        assertThat(post("/api/survey/employees", Map.of("id", "it-e1", "centerId", "it-c1", "name", "Ana",
                "annualCost", new BigDecimal("1200000.00"))).statusCode()).isEqualTo(201);
        assertThat(post("/api/survey/interviews", Map.of("id", "it-i1", "centerId", "it-c1")).statusCode()).isEqualTo(201);

        Map<String, Object> allocation = Map.of("employeeId", "it-e1", "productId", "it-p1", "hours", 10);
        HttpResponse<String> unknownProduct = put("/api/survey/interviews/it-i1/allocations", allocation);
        assertThat(unknownProduct.statusCode()).isEqualTo(422);
        assertThat(unknownProduct.body()).contains("allocation.product-unknown").contains("no existe en el catálogo");

        publishProduct("it-p1", TENANT);
        HttpResponse<String> accepted = awaitStatus(() -> put("/api/survey/interviews/it-i1/allocations", allocation), 200);
        assertThat(accepted.statusCode()).isEqualTo(200);

        HttpResponse<String> negative = put("/api/survey/interviews/it-i1/allocations",
                Map.of("employeeId", "it-e1", "productId", "it-p1", "hours", -1), "en");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("allocation.hours-negative").contains("cannot be negative");

        List<ConsumerRecord<String, byte[]>> events = readSurveyTopic(5);
        ConsumerRecord<String, byte[]> allocated = events.stream()
                .filter(r -> header(r, "ce_type").equals(EventTypes.typeOf(org.ppi.contracts.survey.TimeAllocated.class)))
                .findFirst().orElseThrow();
        assertThat(allocated.key()).isEqualTo("it-i1");
        assertThat(header(allocated, "ce_tenantid")).isEqualTo(TENANT);
        assertThat(header(allocated, "ce_actinguser")).isEqualTo("ana.planner");
        assertThat(header(allocated, "ce_interviewid")).isEqualTo("it-i1");
        assertThat(header(allocated, "ce_source")).isEqualTo("/ppi/survey-service");
        assertThat(header(allocated, "ce_causationid")).isNotBlank();
        assertThat(new String(allocated.value(), StandardCharsets.UTF_8)).contains("\"hours\":10");
        assertThat(events).extracting(r -> header(r, "ce_type")).doesNotContain(
                EventTypes.typeOf(org.ppi.contracts.survey.AllocationCorrected.class));
    }

    private void publishProduct(String productId, String tenant) throws Exception {
        ProductRegistered event = new ProductRegistered(tenant, "catalog.user", productId, "it-c1", "Atención de quejas",
                ProductType.TERMINAL, true, new BigDecimal("1200"), "quejas",
                new ProductFeatures(null, java.util.Set.of(), null, null, List.of(), null, null));
        var cloudEvent = CloudEventBuilder.v1().withId(java.util.UUID.randomUUID().toString())
                .withType(EventTypes.typeOf(ProductRegistered.class)).withSource(URI.create("/ppi/catalog-service"))
                .withSubject(productId).withTime(java.time.OffsetDateTime.now())
                .withData(json.writeValueAsBytes(event)).withExtension("tenantid", tenant).build();
        kafka.send(KafkaMessageFactory.createWriter(Topics.CATALOG, productId).writeBinary(cloudEvent)).get();
    }

    private List<ConsumerRecord<String, byte[]>> readSurveyTopic(int atLeast) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker.getBrokersAsString(), "it-reader", false);
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SURVEY));
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < atLeast && Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(records::add);
            }
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(atLeast);
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> awaitStatus(ThrowingSupplier<HttpResponse<String>> call, int status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> response = call.get();
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            response = call.get();
        }
        return response;
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body, "es");
    }

    private HttpResponse<String> put(String path, Object body) throws Exception {
        return send("PUT", path, body, "es");
    }

    private HttpResponse<String> put(String path, Object body, String language) throws Exception {
        return send("PUT", path, body, language);
    }

    private HttpResponse<String> send(String method, String path, Object body, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .header("X-Institution-Id", TENANT).header("X-User-Id", "ana.planner")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
