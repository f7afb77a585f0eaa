package org.ppi.valuechain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.valuechain.directory.ValueChainDirectory.LinkEdge;
import org.ppi.valuechain.support.ReadModels;

class JdbcValueChainDirectoryTest {
    private static final String INST = "inst-a";

    private ReadModels models;
    private JdbcValueChainDirectory directory;

    @BeforeEach
    void setUp() {
        models = new ReadModels().workedExample(INST);
        directory = new JdbcValueChainDirectory(models.jdbc);
    }

    @Test
    void answersWithinTheInstitutionOnly() {
        assertThat(directory.impactExists(INST, "im1")).isTrue();
        assertThat(directory.impactExists("inst-b", "im1")).isFalse();
        assertThat(directory.resultExists(INST, "r1")).isTrue();
        assertThat(directory.product(INST, "P3")).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo(ProductType.INTERMEDIATE);
            assertThat(p.active()).isTrue();
        });
        assertThat(directory.product("inst-b", "P3")).isEmpty();
        assertThat(directory.programWithCode(INST, "PR2")).contains("pr2");
        assertThat(directory.programWithCode("inst-b", "PR2")).isEmpty();
        assertThat(directory.programOfChain(INST, "ch1")).contains("pr1");
    }

    @Test
    void linksAreThoseOfActiveChains() {
        assertThat(directory.links(INST)).containsExactlyInAnyOrder(new LinkEdge("P3", "P1"), new LinkEdge("P3", "P2"),
                new LinkEdge("P4", "P1"));
        assertThat(directory.activeChainWithTerminal(INST, "P2")).contains("ch2");

        models.feed(new ValueChainRetired(INST, "ana", "ch2", "fuera del plan"));

        assertThat(directory.links(INST)).containsExactlyInAnyOrder(new LinkEdge("P3", "P1"), new LinkEdge("P4", "P1"));
        assertThat(directory.activeChainWithTerminal(INST, "P2")).isEmpty();
        assertThat(directory.chain(INST, "ch2")).hasValueSatisfying(c -> assertThat(c.retired()).isTrue());
    }

    @Test
    void aMergedProductIsInactive() {
        models.feed(new ProductMergedInto(INST, "catalog.user", "P4", "P3"));

        assertThat(directory.product(INST, "P4")).hasValueSatisfying(p -> assertThat(p.active()).isFalse());
        assertThat(directory.mergedInto(INST)).containsExactly(java.util.Map.entry("P4", "P3"));
        assertThat(directory.mergedInto("inst-b")).isEmpty();
    }

    @Test
    void theGraphLockIsTakenAgainAndAgainInOneInstitution() {
        directory.lockLinkGraph(INST);
        directory.lockLinkGraph(INST);
        directory.lockLinkGraph("inst-b");

        assertThat(models.jdbc.sql("select writes from link_graph_lock where institution_id = ?").param(INST)
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(directory.recordedLinks(INST)).extracting(ValueChainDirectory.RecordedLink::chainId)
                .containsExactly("ch1", "ch1", "ch2");
    }
}
