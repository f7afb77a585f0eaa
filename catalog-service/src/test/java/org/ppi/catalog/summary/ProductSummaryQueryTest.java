package org.ppi.catalog.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppi.catalog.center.SurveyReplica;
import org.ppi.catalog.product.ProductProjection;
import org.ppi.catalog.summary.ProductSummary.AreaCounts;
import org.ppi.catalog.summary.ProductSummary.CenterCounts;
import org.ppi.catalog.summary.ProductSummary.Counts;
import org.ppi.catalog.support.Events;
import org.ppi.catalog.support.ReadModelDatabases;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The summary counts on DOMAIN.md's worked example, on H2 and PostgreSQL. */
class ProductSummaryQueryTest {
    private static final String T = "inst-a";

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void countsActiveProductsByTypeCoreGapAreaAndCenter(String engine, ReadModelDatabases.Engine database) {
        JdbcClient jdbc = JdbcClient.create(database.create());
        SurveyReplica replica = new SurveyReplica(jdbc);
        replica.apply(Events.fromSurvey(Events.center(T, "c1", "Dirección de Atención al Ciudadano", CenterArea.SUBSTANTIVE)));
        replica.apply(Events.fromSurvey(Events.center(T, "c2", "Dirección Administrativa", CenterArea.SUPPORT)));
        ProductProjection products = new ProductProjection(jdbc, JsonMapper.builder().build());
        products.on(Events.product(T, "p1", "c1", "Atención de quejas ciudadanas", ProductType.TERMINAL, true, "1200"), Events.message("x"));
        products.on(Events.product(T, "p2", "c1", "Informe anual", ProductType.TERMINAL, false, "1"), Events.message("x"));
        products.on(Events.product(T, "p3", "c2", "Gestión de nómina", ProductType.INTERMEDIATE, false, "12"), Events.message("x"));
        products.on(Events.product(T, "p4", "c2", "Compras", ProductType.INTERMEDIATE, false, "40"), Events.message("x"));
        products.on(Events.product(T, "p5", "c2", "Archivo", ProductType.INTERMEDIATE, false, "0"), Events.message("x"));
        products.on(Events.product(T, "p6", "c2", "Archivo histórico", ProductType.INTERMEDIATE, false, null), Events.message("x"));
        products.on(Events.product(T, "p7", "c1", "Quejas web", ProductType.TERMINAL, true, null), Events.message("x"));
        products.on(new ProductMergedInto(T, "u", "p6", "p5"), Events.message("x"));
        products.on(new ProductRetired(T, "u", "p7", null), Events.message("x"));
        products.on(Events.product("inst-b", "pb", "cb", "Otra", ProductType.TERMINAL, true, null), Events.message("x"));

        ProductSummary summary = new ProductSummaryQuery(jdbc).summary(T);

        assertThat(summary.total()).isEqualTo(new Counts(5, 2, 3, 1, 1));
        assertThat(summary.byArea()).containsExactly(
                new AreaCounts(CenterArea.SUBSTANTIVE, new Counts(2, 2, 0, 1, 0)),
                new AreaCounts(CenterArea.SUPPORT, new Counts(3, 0, 3, 0, 1)));
        assertThat(summary.byCenter()).containsExactly(
                new CenterCounts("c2", "Dirección Administrativa", CenterArea.SUPPORT, new Counts(3, 0, 3, 0, 1)),
                new CenterCounts("c1", "Dirección de Atención al Ciudadano", CenterArea.SUBSTANTIVE, new Counts(2, 2, 0, 1, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void anEmptyCatalogShowsZerosForBothAreas(String engine, ReadModelDatabases.Engine database) {
        ProductSummary summary = new ProductSummaryQuery(JdbcClient.create(database.create())).summary(T);

        assertThat(summary.total()).isEqualTo(new Counts(0, 0, 0, 0, 0));
        assertThat(summary.byArea()).extracting(AreaCounts::area).containsExactly(CenterArea.SUBSTANTIVE, CenterArea.SUPPORT);
        assertThat(summary.byCenter()).isEmpty();
    }
}
