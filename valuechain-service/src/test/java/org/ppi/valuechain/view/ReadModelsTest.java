package org.ppi.valuechain.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ProgramRevised;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.valuechain.chain.ChainQueries;
import org.ppi.valuechain.chain.ChainQueries.ChainDetail;
import org.ppi.valuechain.chain.ChainQueries.ChainFilter;
import org.ppi.valuechain.chain.ChainQueries.ChainRow;
import org.ppi.valuechain.plan.PlanQueries;
import org.ppi.valuechain.product.ProductCards;
import org.ppi.valuechain.product.ProductCards.ProductCard;
import org.ppi.valuechain.program.ProgramQueries;
import org.ppi.valuechain.program.ProgramQueries.ProgramDetail;
import org.ppi.valuechain.support.ReadModels;
import org.ppi.valuechain.support.WorkedExample;
import org.ppi.valuechain.view.ChainNodes.ChainNode;
import org.ppi.valuechain.view.ChainNodes.IntermediateNode;

/** Projections, replicas, queries and views fed with the worked example, on H2 in PostgreSQL mode. */
class ReadModelsTest {
    private static final String INST = "inst-a";
    private static final String OTHER = "inst-b";

    private ReadModels models;
    private ProductCards products;
    private ChainNodes chainNodes;
    private ValueChainsView valueChains;
    private ProgrammaticStructureView structure;

    @BeforeEach
    void setUp() {
        models = new ReadModels().workedExample(INST);
        models.feed(WorkedExample.product(OTHER, "X1", "cx", "Producto ajeno", ProductType.INTERMEDIATE, false, "1"));
        products = new ProductCards(models.jdbc);
        chainNodes = new ChainNodes(models.jdbc, products);
        valueChains = new ValueChainsView(models.jdbc, chainNodes);
        structure = new ProgrammaticStructureView(models.jdbc, chainNodes, products);
    }

    private static PageQuery page(java.util.Map<String, String> columns, String fallback) {
        return PageQuery.of(0, 50, List.of(), columns, fallback);
    }

    @Test
    void valueChainViewGoesFromImpactToIntermediatesWithCentersAndWeights() {
        ValueChainsView.View view = valueChains.build(INST);

        assertThat(view.impacts()).singleElement().satisfies(impact -> {
            assertThat(impact.name()).isEqualTo("Derechos protegidos");
            assertThat(impact.results()).singleElement().satisfies(result ->
                    assertThat(result.chains()).extracting(ChainNode::id).containsExactly("ch1", "ch2"));
        });
        ChainNode complaints = view.impacts().get(0).results().get(0).chains().get(0);
        assertThat(complaints.programId()).isEqualTo("pr1");
        assertThat(complaints.terminalProduct().core()).isTrue();
        assertThat(complaints.terminalProduct().center().name()).isEqualTo(WorkedExample.C1);
        assertThat(complaints.intermediateProducts()).extracting(IntermediateNode::id).containsExactly("P4", "P3");
        IntermediateNode payroll = complaints.intermediateProducts().get(1);
        assertThat(payroll.weight()).isEqualByComparingTo("3");
        assertThat(payroll.weight().toString()).isEqualTo("3");
        assertThat(payroll.feedsProductId()).isEqualTo("P1");
        assertThat(payroll.description()).isEqualTo("Descripción de Gestión de nómina");
        assertThat(payroll.center().id()).isEqualTo("c2");
        assertThat(payroll.center().name()).isEqualTo(WorkedExample.C2);
    }

    @Test
    void programmaticStructureGroupsChainsActivitiesAndVolumesByProgram() {
        ProgrammaticStructureView.View view = structure.build(INST);

        assertThat(view.programs()).extracting(ProgrammaticStructureView.ProgramNode::code).containsExactly("PR1", "PR2");
        ProgrammaticStructureView.ProgramNode pr1 = view.programs().get(0);
        assertThat(pr1.chains()).extracting(ChainNode::id).containsExactly("ch1");
        assertThat(pr1.activities()).singleElement().satisfies(a -> assertThat(a.product().id()).isEqualTo("P1"));
        assertThat(pr1.plannedVolumes()).singleElement().satisfies(v -> {
            assertThat(v.fiscalYear()).isEqualTo(2026);
            assertThat(v.plannedVolume()).isEqualByComparingTo("1500");
        });
        assertThat(view.unassignedChains()).isEmpty();
        assertThat(view.centralActions()).extracting(ProductCard::id).containsExactly("P5");
    }

    @Test
    void centralActionsAreTheIntermediatesOfTheInstitutionLinkedToNoActiveChain() {
        assertThat(products.unattributedIntermediates(INST)).extracting(ProductCard::id).containsExactly("P5");
        assertThat(products.unattributedIntermediates(OTHER)).extracting(ProductCard::id).containsExactly("X1");

        models.feed(new ChainUnassignedFromProgram(INST, "ana", "pr2", "ch2"),
                new ValueChainRetired(INST, "ana", "ch2", "fuera del plan"),
                new IntermediateUnlinked(INST, "ana", "ch1", "P4", "P1"));

        assertThat(products.unattributedIntermediates(INST)).extracting(ProductCard::id).containsExactly("P5", "P4");
        assertThat(valueChains.build(INST).impacts().get(0).results().get(0).chains()).extracting(ChainNode::id)
                .containsExactly("ch1");
        assertThat(structure.build(INST).programs().get(1).chains()).isEmpty();
    }

    @Test
    void anUnassignedChainIsItsOwnBudgetLine() {
        models.feed(new ChainUnassignedFromProgram(INST, "ana", "pr2", "ch2"));

        assertThat(structure.build(INST).unassignedChains()).extracting(ChainNode::id).containsExactly("ch2");
    }

    @Test
    void catalogAndSurveyChangesReachTheViews() {
        models.feed(new ProductRenamed(INST, "catalog.user", "P4", "Adquisiciones"),
                new ProductRetyped(INST, "catalog.user", "P1", ProductType.TERMINAL, false),
                new CenterRenamed(INST, "u", "c2", "Dirección Administrativa y Financiera"),
                new ProductRetired(INST, "catalog.user", "P5", "ya no se produce"));

        ChainNode complaints = valueChains.build(INST).impacts().get(0).results().get(0).chains().get(0);
        assertThat(complaints.terminalProduct().core()).isFalse();
        assertThat(complaints.intermediateProducts()).extracting(IntermediateNode::name)
                .containsExactly("Adquisiciones", "Gestión de nómina");
        assertThat(complaints.intermediateProducts().get(0).center().name())
                .isEqualTo("Dirección Administrativa y Financiera");
        assertThat(products.unattributedIntermediates(INST)).isEmpty();
    }

    @Test
    void viewsAndQueriesShowNothingOfAnotherInstitution() {
        assertThat(valueChains.build(OTHER).impacts()).isEmpty();
        assertThat(structure.build(OTHER).programs()).isEmpty();
        assertThat(new ChainQueries(models.jdbc).chain(OTHER, "ch1")).isEmpty();
        assertThat(new ProgramQueries(models.jdbc).program(OTHER, "pr1")).isEmpty();
        assertThat(new PlanQueries(models.jdbc).impacts(OTHER, page(PlanQueries.IMPACT_SORT, "name")).totalItems()).isZero();
    }

    @Test
    void chainListFiltersByImpactResultTerminalAndProgram() {
        ChainQueries queries = new ChainQueries(models.jdbc);
        PageQuery page = page(ChainQueries.SORT, "c.name, c.chain_id");

        assertThat(queries.chains(INST, new ChainFilter(null, "im1", null, null, null), page).totalItems()).isEqualTo(2);
        assertThat(queries.chains(INST, new ChainFilter("r1", null, "P2", null, null), page).items())
                .extracting(ChainRow::id).containsExactly("ch2");
        PageResponse<ChainRow> byProgram = queries.chains(INST, new ChainFilter(null, null, null, "pr1", false), page);
        assertThat(byProgram.items()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo("ch1");
            assertThat(row.linkCount()).isEqualTo(2);
            assertThat(row.terminalProductName()).isEqualTo("Atención de quejas ciudadanas");
        });
        assertThat(queries.chains(INST, new ChainFilter(null, null, null, null, null),
                PageQuery.of(1, 1, List.of("name,desc"), ChainQueries.SORT, "c.chain_id")).items())
                .extracting(ChainRow::id).containsExactly("ch1");
    }

    @Test
    void chainDetailListsItsLinks() {
        ChainDetail detail = new ChainQueries(models.jdbc).chain(INST, "ch1").orElseThrow();

        assertThat(detail.impactId()).isEqualTo("im1");
        assertThat(detail.programId()).isEqualTo("pr1");
        assertThat(detail.links()).extracting(ChainQueries.LinkRow::intermediateProductId).containsExactly("P4", "P3");
        assertThat(detail.links().get(1).weight()).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void programDetailHasActivitiesChainsAndPlannedVolumes() {
        models.feed(new ProgramRevised(INST, "ana", "pr1", "PR-1", "Atención al ciudadano", null));

        ProgramDetail detail = new ProgramQueries(models.jdbc).program(INST, "pr1").orElseThrow();

        assertThat(detail.code()).isEqualTo("PR-1");
        assertThat(detail.activities()).singleElement().satisfies(a -> assertThat(a.productName())
                .isEqualTo("Atención de quejas ciudadanas"));
        assertThat(detail.chains()).extracting(ProgramQueries.ProgramChainRow::id).containsExactly("ch1");
        assertThat(detail.plannedVolumes()).singleElement().satisfies(v ->
                assertThat(v.plannedVolume()).isEqualTo(new BigDecimal("1500")));
        assertThat(new ProgramQueries(models.jdbc).programs(INST, page(ProgramQueries.SORT, "p.code")).items())
                .extracting(ProgramQueries.ProgramRow::chainCount).containsExactly(1L, 1L);
    }

    @Test
    void resultsFilterByImpact() {
        PlanQueries queries = new PlanQueries(models.jdbc);

        assertThat(queries.results(INST, "im1", page(PlanQueries.RESULT_SORT, "name")).items())
                .extracting(PlanQueries.ResultRow::id).containsExactly("r1");
        assertThat(queries.results(INST, "im-none", page(PlanQueries.RESULT_SORT, "name")).totalItems()).isZero();
    }
}
