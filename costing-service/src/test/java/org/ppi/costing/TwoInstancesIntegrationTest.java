package org.ppi.costing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.costing.projection.Ledgers;
import org.ppi.platform.projection.PartitionHandover;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.testing.TopicReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of costing-service in one consumer group, on a real (in-process KRaft) broker with three partitions
 * per topic and one real PostgreSQL schema: the instances split the partitions — the same partition numbers of every
 * input topic on each, so each owns its institutions whole — and each institution's figures come out to the cent
 * whichever instance applied them and whichever instance is asked; no event is applied twice, no figure event
 * published twice. An institution that goes to the other instance and back is not settled from a stale ledger. Then
 * one instance stops: the other takes its partitions over, and an allocation in a moved institution reaches its
 * figures; alone, it may replay, to the same figures.
 */
class TwoInstancesIntegrationTest {
    private static final int PARTITIONS = 3;
    private static final List<String> INPUTS = List.of(Topics.SURVEY, Topics.CATALOG, Topics.VALUECHAIN);
    private static final String[] COSTS = {"1500000.00", "2400000.00", "1824561.40", "2000000.00", "2100000.00"};
    private static final int[] HOURS = {1, 3, 2, 1, 1};
    /** The seed's product (five employees of one center, the hours above): direct cost, then with e0 at 2 hours. */
    private static final String DIRECT = "392982.46";
    private static final String DIRECT_AFTER_CHANGE = "442105.26";

    private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS,
            INPUTS.toArray(String[]::new));
    private final String schema = "t_costing_two_" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final Map<String, List<String>> sent = new TreeMap<>();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private KafkaTemplate<String, byte[]> kafka;
    private JsonMapper json;
    private JdbcClient jdbc;
    private Instant clock = Instant.parse("2026-02-01T09:00:00Z");

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {second, first}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (kafka != null) {
            kafka.destroy();
        }
        broker.destroy();
        System.out.println("TWO-INSTANCES timings (ms): " + timings);
    }

    @Test
    void twoInstancesSplitTheInstitutionsAndOneTakesOverWhenTheOtherStops() throws Exception {
        broker.afterPropertiesSet();
        first = timed("first instance started", this::instance);
        json = first.getBean(JsonMapper.class);
        jdbc = first.getBean(JdbcClient.class);
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        Await.until("the first instance owns every partition", Duration.ofSeconds(60), () -> owned(first),
                o -> o.size() == PARTITIONS * INPUTS.size());
        second = timed("second instance started", this::instance);
        long split = System.nanoTime();
        Await.until("both instances own partitions", Duration.ofSeconds(60),
                () -> List.of(owned(first), owned(second)),
                o -> !o.get(0).isEmpty() && !o.get(1).isEmpty() && o.get(0).size() + o.get(1).size() == PARTITIONS * INPUTS.size());
        timings.put("rebalance to two owners", millisSince(split));

        // The split: disjoint, every partition owned, and on each instance the same partition numbers of every topic.
        Set<TopicPartition> ofFirst = owned(first);
        Set<TopicPartition> ofSecond = owned(second);
        assertThat(ofFirst).doesNotContainAnyElementsOf(ofSecond);
        Set<Integer> numbersOfFirst = numbers(ofFirst);
        Set<Integer> numbersOfSecond = numbers(ofSecond);
        for (String topic : INPUTS) {
            assertThat(numbers(ofFirst, topic)).as("first instance's partitions of %s", topic).isEqualTo(numbersOfFirst);
            assertThat(numbers(ofSecond, topic)).as("second instance's partitions of %s", topic).isEqualTo(numbersOfSecond);
        }

        // Two institutions on each instance's partitions (the relay's key is the institution).
        List<String> onFirst = institutionsOn(numbersOfFirst, "two-a");
        List<String> onSecond = institutionsOn(numbersOfSecond, "two-b");
        List<String> all = new ArrayList<>(onFirst);
        all.addAll(onSecond);
        long published = System.nanoTime();
        for (String institution : all) {
            seed(institution);
        }
        ApiClient viaFirst = api(first);
        ApiClient viaSecond = api(second);
        for (String institution : all) {
            // asked of the instance that does not apply it: the figures are read from the shared database
            ApiClient other = onFirst.contains(institution) ? viaSecond : viaFirst;
            awaitDirect(other, institution, DIRECT);
        }
        timings.put("4 institutions' events published to figures, two instances", millisSince(published));
        for (String institution : all) {
            assertThat(figures(viaFirst, institution)).as(institution).isEqualTo(figures(viaSecond, institution))
                    .contains(institution + "-p1=" + DIRECT);
            assertThat(product(viaFirst, institution).path("rows")).extracting(r -> r.path("labour").decimalValue().toPlainString())
                    .containsExactly("49122.81", "147368.42", "98245.61", "49122.81", "49122.81");
            assertThat(loggedIds(institution)).as("each event applied once").containsExactlyInAnyOrderElementsOf(sent.get(institution));
        }
        assertThat(jdbc.sql("select count(*) from inbox_event").query(Long.class).single())
                .isEqualTo(sent.values().stream().mapToLong(List::size).sum());
        // Each instance applied its institutions and only those (what it holds in memory).
        assertThat(ledgers(first)).containsExactlyInAnyOrderElementsOf(onFirst);
        assertThat(ledgers(second)).containsExactlyInAnyOrderElementsOf(onSecond);

        // As of a date, on the instance that does not apply it: folded from the shared event log.
        Instant beforeChange = clock;
        CloudEvent change = allocate(onFirst.get(0), 2);
        awaitDirect(viaSecond, onFirst.get(0), DIRECT_AFTER_CHANGE);
        assertThat(product(viaSecond, onFirst.get(0), "?asOf=" + beforeChange).path("direct").decimalValue())
                .isEqualByComparingTo(DIRECT);
        assertThat(product(viaSecond, onFirst.get(0), "").path("causationEventId").asString()).isEqualTo(change.getId());

        // Institutions that go to the other instance and come back: the first instance's ledgers of them are stale by
        // then (the second applied an allocation to each meanwhile); it must not settle from them. Which partitions the
        // first gets on rejoining is the assignor's choice (its member id is new), so the one checked is an institution
        // of whatever it owns again.
        BindingsLifecycleController firstBindings = first.getBean(BindingsLifecycleController.class);
        firstBindings.changeState("inputs-in-0", BindingsLifecycleController.State.STOPPED);
        Await.until("the second instance owns every partition", Duration.ofSeconds(60), () -> owned(second),
                o -> o.size() == PARTITIONS * INPUTS.size());
        for (String institution : all) {
            allocate(institution, 2);
        }
        for (String institution : all) {
            awaitDirect(viaSecond, institution, DIRECT_AFTER_CHANGE);
            assertThat(ledgers(second)).contains(institution);
        }
        firstBindings.changeState("inputs-in-0", BindingsLifecycleController.State.STARTED);
        Set<Integer> rejoined = Await.until("the first instance owns partitions again", Duration.ofSeconds(60),
                () -> numbers(owned(first)), n -> !n.isEmpty() && owned(first).size() == n.size() * INPUTS.size());
        String roundTrip = all.stream().filter(i -> rejoined.contains(partitionOf(i))).findFirst().orElseThrow();
        CloudEvent back = allocate(roundTrip, 1);
        awaitDirect(viaFirst, roundTrip, DIRECT);
        assertThat(product(viaFirst, roundTrip, "").path("causationEventId").asString()).isEqualTo(back.getId());
        assertThat(ledgers(first)).contains(roundTrip);
        assertThat(ledgers(second)).doesNotContain(roundTrip);

        // A deployment replay beside another instance would rebuild under its feet: refused, saying why.
        HttpResponse<String> refused = viaFirst.request("POST", "/api/costing/admin/replay").user("admin")
                .roles("platform-admin").language("en").send();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("replay.other-instances").contains("1 other instance");
        // the refused replay started the instance's consumer again: it rejoins and owns partitions again
        Await.until("the first instance consumes again", Duration.ofSeconds(60), () -> owned(first), o -> !o.isEmpty());

        // The second instance stops: the first takes over its partitions and its institutions' figures keep moving
        // (one seeded now on a partition the second owns, so there is one whatever the assignor gave each instance).
        Await.until("both instances own partitions again", Duration.ofSeconds(60), () -> List.of(owned(first), owned(second)),
                o -> !o.get(1).isEmpty() && o.get(0).size() + o.get(1).size() == PARTITIONS * INPUTS.size());
        String moved = institutionsOn(numbers(owned(second)), "two-c").get(0);
        seed(moved);
        awaitDirect(viaSecond, moved, DIRECT);
        all.add(moved);
        long stopped = System.nanoTime();
        second.close();
        Await.until("the first instance owns every partition again", Duration.ofSeconds(60), () -> owned(first),
                o -> o.size() == PARTITIONS * INPUTS.size());
        timings.put("takeover (stop to every partition owned)", millisSince(stopped));
        long moving = System.nanoTime();
        CloudEvent movedChange = allocate(moved, 2);
        awaitDirect(viaFirst, moved, DIRECT_AFTER_CHANGE);
        timings.put("allocation in a moved institution to its figure", millisSince(moving));
        assertThat(product(viaFirst, moved, "").path("causationEventId").asString()).isEqualTo(movedChange.getId());
        assertThat(ledgers(first)).contains(moved);
        for (String institution : all) {
            assertThat(loggedIds(institution)).as("each event applied once, " + institution)
                    .containsExactlyInAnyOrderElementsOf(sent.get(institution));
        }
        Map<String, String> live = new TreeMap<>();
        for (String institution : all) {
            live.put(institution, figures(viaFirst, institution));
        }

        // The figure events both instances' outboxes published: each once, keyed by institution (one publisher's
        // round at a time), so budget finds them on the partition numbers of its other inputs.
        Await.until("every outbox row published", Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from outbox where published_at is null").query(Long.class).single(),
                pending -> pending == 0);
        long outbox = jdbc.sql("select count(*) from outbox").query(Long.class).single();
        List<ConsumerRecord<String, byte[]>> figureEvents = TopicReader.readAtLeast(broker.getBrokersAsString(),
                Topics.COSTING, (int) outbox, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(figureEvents).as("each figure event once").hasSize((int) outbox);
        assertThat(figureEvents.stream().map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize((int) outbox);
        assertThat(figureEvents).allSatisfy(r -> assertThat(r.key()).isEqualTo(TopicReader.header(r, "ce_tenantid")));

        // Alone now: the replay runs, and rebuilds the same figures from offset 0.
        long replay = System.nanoTime();
        HttpResponse<String> accepted = viaFirst.request("POST", "/api/costing/admin/replay").user("admin")
                .roles("platform-admin").send();
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Await.until("the replay finished", Duration.ofSeconds(120), () -> json.readTree(viaFirst.request("GET",
                "/api/costing/admin/replay").user("admin").roles("platform-admin").send().body()),
                s -> s.path("finished").asBoolean());
        timings.put("replay of " + sent.values().stream().mapToLong(List::size).sum() + " events, one instance",
                millisSince(replay));
        for (String institution : all) {
            assertThat(figures(viaFirst, institution)).as("replayed " + institution).isEqualTo(live.get(institution));
        }
    }

    private ConfigurableApplicationContext instance() {
        TestDatabase.Connection db = TestDatabase.connection();
        return new SpringApplicationBuilder(CostingApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=" + TestDatabase.withSchema(db.url(), schema),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.flyway.schemas=" + schema,
                "--ppi.security.public-key=" + TestTokens.publicKeyPem(),
                "--ppi.security.issuer-uri=" + TestTokens.ISSUER,
                "--ppi.projection.outbox-interval-ms=100");
    }

    private static Set<TopicPartition> owned(ConfigurableApplicationContext instance) {
        return instance.getBean(PartitionHandover.class).assigned().values().stream()
                .flatMap(Set::stream).collect(Collectors.toSet());
    }

    private static Set<Integer> numbers(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> numbers(Set<TopicPartition> partitions, String topic) {
        return numbers(partitions.stream().filter(p -> p.topic().equals(topic)).collect(Collectors.toSet()));
    }

    /** Two institution ids whose records land on these partition numbers (Kafka's default partitioner on the key). */
    private static List<String> institutionsOn(Set<Integer> numbers, String prefix) {
        List<String> found = new ArrayList<>();
        for (int i = 0; found.size() < 2; i++) {
            String id = prefix + "-" + i;
            if (numbers.contains(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS)) {
                found.add(id);
            }
        }
        return found;
    }

    private static int partitionOf(String institution) {
        return Utils.toPositive(Utils.murmur2(institution.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static Set<String> ledgers(ConfigurableApplicationContext instance) {
        return instance.getBean(Ledgers.class).institutions();
    }

    /** The seed's institution: one center, five employees, one core product, five allocations. */
    private void seed(String tenant) throws Exception {
        send(Topics.SURVEY, new InstitutionRegistered(tenant, "admin", "Institución " + tenant, "DO", "DOP", 2026,
                BigDecimal.valueOf(40), CostingMethod.CLASSIC));
        send(Topics.SURVEY, new CenterRegistered(tenant, "admin", tenant + "-c1", "Dirección", null,
                CenterArea.SUPPORT, null, null, null, null));
        for (int i = 0; i < COSTS.length; i++) {
            send(Topics.SURVEY, new EmployeeRegistered(tenant, "admin", tenant + "-e" + i, tenant + "-c1",
                    "Funcionario " + i, null, new BigDecimal(COSTS[i]), BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1)));
        }
        send(Topics.CATALOG, new ProductRegistered(tenant, "admin", tenant + "-p1", tenant + "-c1", "Informe",
                ProductType.TERMINAL, true, BigDecimal.ONE, "informe",
                new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
        for (int i = 0; i < HOURS.length; i++) {
            send(Topics.SURVEY, new TimeAllocated(tenant, "entrevistador", tenant + "-i1", tenant + "-c1",
                    tenant + "-e" + i, tenant + "-p1", BigDecimal.valueOf(HOURS[i])));
        }
    }

    private CloudEvent allocate(String tenant, int hours) throws Exception {
        return send(Topics.SURVEY, new TimeAllocated(tenant, "entrevistador", tenant + "-i1", tenant + "-c1",
                tenant + "-e0", tenant + "-p1", BigDecimal.valueOf(hours)));
    }

    private CloudEvent send(String topic, PpiEvent event) throws Exception {
        clock = clock.plusSeconds(1);
        CloudEvent cloudEvent = CloudEventPublisher.publish(kafka, json, topic, event, clock);
        sent.computeIfAbsent(event.institutionId(), k -> new ArrayList<>()).add(cloudEvent.getId());
        return cloudEvent;
    }

    private ApiClient api(ConfigurableApplicationContext instance) {
        return new ApiClient(Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port")), json);
    }

    private void awaitDirect(ApiClient api, String tenant, String direct) throws Exception {
        Await.until(tenant + "'s product at " + direct, Duration.ofSeconds(60), () -> product(api, tenant),
                p -> p.path("direct").isNumber() && p.path("direct").decimalValue().compareTo(new BigDecimal(direct)) == 0);
    }

    private JsonNode product(ApiClient api, String tenant) throws Exception {
        return product(api, tenant, "");
    }

    private JsonNode product(ApiClient api, String tenant, String query) throws Exception {
        return get(api, "/api/costing/products/" + tenant + "-p1" + query, tenant);
    }

    private JsonNode get(ApiClient api, String path, String tenant) throws Exception {
        return json.readTree(api.request("GET", path).tenant(tenant).user("auditor").timeout(Duration.ofSeconds(10))
                .send().body());
    }

    /** The institution's products (every row) and its totals, as the API answers them. */
    private String figures(ApiClient api, String tenant) throws Exception {
        JsonNode page = get(api, "/api/costing/products?sort=name", tenant);
        List<String> rows = new ArrayList<>();
        page.path("items").forEach(p -> rows.add(p.path("productId").asString() + "=" + p.path("direct").decimalValue()
                + "/" + p.path("fullCost").decimalValue() + "/" + p.path("rows").toString()));
        JsonNode institution = get(api, "/api/costing/institution", tenant);
        rows.add(institution.path("totalCost").decimalValue() + "/" + institution.path("unusedCost").decimalValue());
        return String.join("\n", rows);
    }

    private List<String> loggedIds(String tenant) {
        return jdbc.sql("select event_id from event_log where institution_id = ?").param(tenant).query(String.class).list();
    }

    private <T> T timed(String what, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        timings.put(what, millisSince(start));
        return result;
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
