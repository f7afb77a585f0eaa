package org.ppi.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppi.catalog.center.SurveyReplica;
import org.ppi.catalog.directory.CatalogDirectory;
import org.ppi.catalog.directory.DirectoryAccess;
import org.ppi.catalog.support.Events;
import org.ppi.catalog.support.ReadModelDatabases;
import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductFeaturesRevised;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.contracts.catalog.UserGroup;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** product_view fed with catalog events and read back through the list filters, on H2 and PostgreSQL. */
class ProductReadModelTest {
    private static final String T = "inst-a";

    private JdbcClient jdbc;
    private ProductProjection projection;
    private ProductQueries queries;

    private void open(ReadModelDatabases.Engine database) {
        jdbc = JdbcClient.create(database.create());
        JsonMapper json = JsonMapper.builder().build();
        projection = new ProductProjection(jdbc, json);
        queries = new ProductQueries(jdbc, json);
        SurveyReplica replica = new SurveyReplica(jdbc);
        replica.apply(Events.fromSurvey(Events.center(T, "c1", "Dirección de Atención al Ciudadano", CenterArea.SUBSTANTIVE)));
        replica.apply(Events.fromSurvey(Events.center(T, "c2", "Dirección Administrativa", CenterArea.SUPPORT)));
        replica.apply(Events.fromSurvey(Events.center("inst-b", "cb", "Otra institución", CenterArea.SUPPORT)));
    }

    /** DOMAIN.md's worked example: P1, P2 terminal in C1; P3, P4, P5 intermediate in C2 (P5 volume 0). */
    private void workedExample() {
        projection.on(Events.product(T, "p1", "c1", "Atención de quejas ciudadanas", ProductType.TERMINAL, true, "1200",
                Events.features("Quejas de la ciudadanía", Set.of(UserGroup.CITIZENS), Frequency.DAILY)), msg());
        projection.on(Events.product(T, "p2", "c1", "Informe anual de derechos humanos", ProductType.TERMINAL, false, "1",
                Events.features(null, Set.of(UserGroup.CITIZENS, UserGroup.OTHER_INSTITUTIONS), Frequency.YEARLY)), msg());
        projection.on(Events.product(T, "p3", "c2", "Gestión de nómina", ProductType.INTERMEDIATE, false, "12",
                Events.features(null, Set.of(UserGroup.INTERNAL_UNITS), Frequency.MONTHLY)), msg());
        projection.on(Events.product(T, "p4", "c2", "Compras y suministros", ProductType.INTERMEDIATE, false, "40"), msg());
        projection.on(Events.product(T, "p5", "c2", "Archivo institucional", ProductType.INTERMEDIATE, false, "0"), msg());
        projection.on(Events.product("inst-b", "pb", "cb", "Atención de quejas", ProductType.TERMINAL, true, null), msg());
    }

    private static EventMessage<?> msg() {
        return Events.message("ignored");
    }

    private PageResponse<ProductRow> list(ProductFilter filter, Integer page, Integer size, String... sort) {
        return queries.list(T, filter, PageQuery.of(page, size, List.of(sort), ProductQueries.SORTABLE,
                ProductQueries.DEFAULT_ORDER));
    }

    private static ProductFilter filter() {
        return ProductFilter.none();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void aRegisteredProductShowsItsFeaturesCenterAndStamp(String engine, ReadModelDatabases.Engine database) {
        open(database);
        ProductFeatures features = new ProductFeatures("Recibe quejas", Set.of(UserGroup.COMPANIES, UserGroup.CITIZENS),
                Frequency.ON_DEMAND, "5 días", List.of("Recibir", "Responder, con copia"), "Demoras", "Con P2");
        EventMessage<?> m = Events.message("x");
        projection.on(Events.product(T, "p1", "c1", "Atención de quejas", ProductType.TERMINAL, true, "1200.5", features), m);

        ProductRow row = queries.find(T, "p1").orElseThrow();
        assertThat(row.centerName()).isEqualTo("Dirección de Atención al Ciudadano");
        assertThat(row.area()).isEqualTo(CenterArea.SUBSTANTIVE);
        assertThat(row.volume()).isEqualByComparingTo("1200.5");
        assertThat(row.volume().toPlainString()).isEqualTo("1200.5");
        assertThat(row.volumeGap()).isFalse();
        assertThat(row.users()).containsExactly(UserGroup.CITIZENS, UserGroup.COMPANIES);
        assertThat(row.processSteps()).containsExactly("Recibir", "Responder, con copia");
        assertThat(row.frequency()).isEqualTo(Frequency.ON_DEMAND);
        assertThat(row.elaborationTime()).isEqualTo("5 días");
        assertThat(row.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(row.lastEventId()).isEqualTo(m.getIdentifier());
        assertThat(row.updatedBy()).isEqualTo("ana.planner");
        assertThat(row.updatedAt()).isNotNull();
        assertThat(queries.find("inst-b", "p1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void everyChangeEventUpdatesTheRow(String engine, ReadModelDatabases.Engine database) {
        open(database);
        projection.on(Events.product(T, "p1", "c1", "Quejas", ProductType.TERMINAL, true, "1200"), msg());
        projection.on(new ProductRenamed(T, "beto", "p1", "Atención de quejas"), msg());
        projection.on(new ProductFeaturesRevised(T, "beto", "p1", new ProductFeatures("d", Set.of(UserGroup.CITIZENS),
                Frequency.WEEKLY, "1 h", List.of("a"), "p", "s")), msg());
        projection.on(new ProductRetyped(T, "beto", "p1", ProductType.INTERMEDIATE, false), msg());
        EventMessage<?> last = Events.message("x");
        projection.on(new ProductVolumeChanged(T, "carla", "p1", null, "quejas"), last);

        ProductRow row = queries.find(T, "p1").orElseThrow();
        assertThat(row.name()).isEqualTo("Atención de quejas");
        assertThat(row.description()).isEqualTo("d");
        assertThat(row.users()).containsExactly(UserGroup.CITIZENS);
        assertThat(row.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(row.processSteps()).containsExactly("a");
        assertThat(row.type()).isEqualTo(ProductType.INTERMEDIATE);
        assertThat(row.core()).isFalse();
        assertThat(row.volume()).isNull();
        assertThat(row.volumeGap()).isTrue();
        assertThat(row.updatedBy()).isEqualTo("carla");
        assertThat(row.lastEventId()).isEqualTo(last.getIdentifier());

        projection.on(new ProductMergedInto(T, "carla", "p1", "p2"), msg());
        assertThat(queries.find(T, "p1").orElseThrow()).extracting(ProductRow::status, ProductRow::mergedInto)
                .containsExactly(ProductStatus.MERGED, "p2");
        projection.on(Events.product(T, "p3", "c1", "Otro", ProductType.TERMINAL, false, "1"), msg());
        projection.on(new ProductRetired(T, "carla", "p3", "no se produce"), msg());
        assertThat(queries.find(T, "p3").orElseThrow().status()).isEqualTo(ProductStatus.RETIRED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void theDirectoryKnowsWhichProductsAreActiveInTheInstitution(String engine, ReadModelDatabases.Engine database) {
        open(database);
        workedExample();
        projection.on(new ProductRetired(T, "u", "p4", null), msg());
        CatalogDirectory directory = DirectoryAccess.jdbc(jdbc);

        assertThat(directory.product(T, "p3")).contains(new CatalogDirectory.ProductFacts("p3", true));
        assertThat(directory.product(T, "p4")).contains(new CatalogDirectory.ProductFacts("p4", false));
        assertThat(directory.product(T, "pb")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void listsFilterWithinTheInstitution(String engine, ReadModelDatabases.Engine database) {
        open(database);
        workedExample();
        projection.on(new ProductRetired(T, "u", "p4", null), msg());

        assertThat(ids(list(filter(), null, null))).containsExactly("p5", "p1", "p4", "p3", "p2");
        assertThat(ids(list(new ProductFilter("c1", null, null, null, null, null, null, null), null, null)))
                .containsExactlyInAnyOrder("p1", "p2");
        assertThat(ids(list(new ProductFilter(null, ProductType.INTERMEDIATE, null, null, null, null, null, null), null, null)))
                .containsExactlyInAnyOrder("p3", "p4", "p5");
        assertThat(ids(list(new ProductFilter(null, null, true, null, null, null, null, null), null, null)))
                .containsExactly("p1");
        assertThat(ids(list(new ProductFilter(null, null, null, true, null, null, null, null), null, null)))
                .doesNotContain("p4").hasSize(4);
        assertThat(ids(list(new ProductFilter(null, null, null, false, null, null, null, null), null, null)))
                .containsExactly("p4");
        assertThat(ids(list(new ProductFilter(null, null, null, null, UserGroup.CITIZENS, null, null, null), null, null)))
                .containsExactlyInAnyOrder("p1", "p2");
        assertThat(ids(list(new ProductFilter(null, null, null, null, UserGroup.OTHER_INSTITUTIONS, null, null, null),
                null, null))).containsExactly("p2");
        assertThat(ids(list(new ProductFilter(null, null, null, null, null, Frequency.MONTHLY, null, null), null, null)))
                .containsExactly("p3");
        assertThat(ids(list(new ProductFilter(null, null, null, null, null, null, true, null), null, null)))
                .containsExactly("p5");
        assertThat(ids(list(new ProductFilter(null, null, null, null, null, null, false, null), null, null)))
                .hasSize(4).doesNotContain("p5");
        assertThat(ids(list(new ProductFilter(null, null, null, null, null, null, null, "QUEJAS"), null, null)))
                .containsExactly("p1");
        assertThat(ids(list(new ProductFilter(null, null, null, null, null, null, null, "ciudadanía"), null, null)))
                .containsExactly("p1");
        assertThat(ids(list(new ProductFilter(null, null, null, null, null, null, null, "100%_"), null, null))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void listsPageAndSort(String engine, ReadModelDatabases.Engine database) {
        open(database);
        workedExample();

        PageResponse<ProductRow> first = list(filter(), 0, 2, "volume,desc");
        assertThat(ids(first)).containsExactly("p1", "p4");
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.sort()).containsExactly("volume,desc");
        assertThat(ids(list(filter(), 2, 2, "volume,desc"))).containsExactly("p5");
        assertThat(ids(list(filter(), 0, 5, "centerName", "name,desc"))).containsExactly("p3", "p4", "p5", "p2", "p1");
        assertThat(ids(list(filter(), 0, 2, "area,desc", "type", "core,desc"))).containsExactly("p5", "p4");
        assertThatThrownBy(() -> list(filter(), 0, 2, "cost")).isInstanceOf(DomainRejection.class)
                .hasMessageContaining("request.sort-unknown");
    }

    private static List<String> ids(PageResponse<ProductRow> page) {
        return page.items().stream().map(ProductRow::id).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void aVeryPreciseVolumeIsStoredRounded(String engine, ReadModelDatabases.Engine database) {
        open(database);
        projection.on(Events.product(T, "p1", "c1", "Quejas", ProductType.TERMINAL, false, "0.00000001"), msg());
        assertThat(queries.find(T, "p1").orElseThrow().volume()).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
