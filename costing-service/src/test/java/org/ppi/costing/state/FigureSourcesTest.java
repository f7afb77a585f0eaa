package org.ppi.costing.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * A figure's lineage and provisional mark from the indexed facts: a terminal's lineage holds its supplier's and its
 * merged product's events and nothing of an unrelated product; the indexes follow an event folded after they were
 * built (a new allocation, a validation).
 */
class FigureSourcesTest {
    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void aTerminalsLineageFollowsItsSuppliersAndMergesAndTheIndexesFollowLaterEvents() {
        InstitutionState state = new InstitutionState("i");
        apply(state, new InstitutionRegistered("i", "u", "Defensoría", "DO", "DOP", 2026, BigDecimal.valueOf(40),
                CostingMethod.INDIVIDUAL, null), "inst");
        apply(state, new CenterRegistered("i", "u", "c1", "Atención", null, CenterArea.SUBSTANTIVE, null, null, null, null), "center");
        for (String e : List.of("ana", "beto", "caro")) {
            apply(state, new EmployeeRegistered("i", "u", e, "c1", e, null, new BigDecimal("900000"), BigDecimal.valueOf(40), null), "hire-" + e);
        }
        product(state, "t", ProductType.TERMINAL);
        product(state, "a", ProductType.INTERMEDIATE);
        product(state, "b", ProductType.TERMINAL);
        product(state, "x", ProductType.TERMINAL);
        apply(state, new ProductMergedInto("i", "u", "b", "t"), "merge-b");
        apply(state, new ValueChainDefined("i", "u", "ch", "Cadena", null, "t"), "chain");
        apply(state, new IntermediateLinked("i", "u", "ch", "a", "t", BigDecimal.ONE), "link-a");
        apply(state, new InterviewOpened("i", "u", "i1", "c1", null, null, null), "open");
        apply(state, new TimeAllocated("i", "u", "i1", "c1", "ana", "a", BigDecimal.TEN), "alloc-ana-a");
        apply(state, new TimeAllocated("i", "u", "i1", "c1", "beto", "b", BigDecimal.TEN), "alloc-beto-b");
        apply(state, new TimeAllocated("i", "u", "i1", "c1", "caro", "x", BigDecimal.TEN), "alloc-caro-x");

        assertThat(state.productLineage("t")).contains("inst", "product-t", "product-a", "product-b", "merge-b", "chain",
                "link-a", "alloc-ana-a", "alloc-beto-b", "hire-ana", "hire-beto", "center").doesNotContain("product-x", "alloc-caro-x");
        assertThat(state.productLineage("b")).as("a merged product answers for the one it was merged into")
                .isEqualTo(state.productLineage("t"));
        assertThat(state.productLineage("a")).doesNotContain("product-t", "alloc-beto-b");
        assertThat(state.employeeLineage("caro")).contains("hire-caro", "alloc-caro-x").doesNotContain("alloc-ana-a");
        assertThat(state.provisionalProduct("t")).as("the interview is not validated yet").isTrue();
        assertThat(state.provisionalProduct("x")).isTrue();
        assertThat(state.provisionalEmployee("caro")).isTrue();
        assertThat(state.provisionalCenter("c1")).isTrue();
        assertThat(state.provisionalCenter("c2")).as("no hours were recorded for it").isFalse();
        assertThat(state.institutionLineageSize()).as("the count kept as events fold").isEqualTo(state.institutionLineage().size());

        // a salary change of a worker on the terminal shows in its lineage; one of a worker on another product does
        // not (individual method, no non-labour shared: colleagues do not price each other's hours)
        apply(state, new EmployeeSalaryChanged("i", "u", "beto", new BigDecimal("950000"), LocalDate.of(2026, 2, 1), null), "salary-beto");
        apply(state, new EmployeeSalaryChanged("i", "u", "caro", new BigDecimal("950000"), LocalDate.of(2026, 2, 1), null), "salary-caro");
        assertThat(state.productLineage("t")).contains("alloc-beto-b", "salary-beto", "alloc-ana-a").doesNotContain("salary-caro");
        assertThat(state.employeeLineage("beto")).contains("salary-beto").doesNotContain("salary-caro");
        assertThat(state.centerLineage("c1")).contains("salary-beto", "salary-caro", "alloc-caro-x");

        apply(state, new TimeAllocated("i", "u", "i1", "c1", "caro", "a", BigDecimal.ONE), "alloc-caro-a");
        assertThat(state.productLineage("t")).as("an event folded after the indexes were built").contains("alloc-caro-a", "hire-caro");
        apply(state, new InterviewValidated("i", "u", "i1", "c1", LocalDate.of(2026, 3, 1)), "validated");
        assertThat(state.provisionalProduct("t")).isFalse();
        assertThat(state.provisionalInstitution()).isFalse();
        assertThat(state.productLineage("t")).contains("validated");
        assertThat(Set.copyOf(state.institutionLineage())).containsAll(state.productLineage("t")).contains("product-x");
        assertThat(state.institutionLineageSize()).isEqualTo(state.institutionLineage().size());
    }

    @Test
    void theProvisionalMarksFollowEachAllocationAndValidationWithoutRebuildingTheInstitution() {
        InstitutionState state = new InstitutionState("i");
        apply(state, new InstitutionRegistered("i", "u", "Defensoría", "DO", "DOP", 2026, BigDecimal.valueOf(40),
                CostingMethod.CLASSIC, null), "inst");
        for (String c : List.of("c1", "c2")) {
            apply(state, new CenterRegistered("i", "u", c, c, null, CenterArea.SUBSTANTIVE, null, null, null, null), "center-" + c);
        }
        apply(state, new EmployeeRegistered("i", "u", "ana", "c1", "Ana", null, new BigDecimal("900000"), BigDecimal.valueOf(40), null), "hire-ana");
        apply(state, new EmployeeRegistered("i", "u", "beto", "c2", "Beto", null, new BigDecimal("900000"), BigDecimal.valueOf(40), null), "hire-beto");
        product(state, "p", ProductType.TERMINAL);
        product(state, "q", ProductType.TERMINAL);
        apply(state, new InterviewOpened("i", "u", "i1", "c1", null, null, null), "open-1");
        apply(state, new InterviewOpened("i", "u", "i2", "c2", null, null, null), "open-2");
        apply(state, new TimeAllocated("i", "u", "i1", "c1", "ana", "p", BigDecimal.TEN), "alloc-ana-p");
        apply(state, new InterviewValidated("i", "u", "i1", "c1", LocalDate.of(2026, 3, 1)), "validated-1");
        assertThat(state.provisionalProduct("p")).isFalse();
        assertThat(state.provisionalInstitution()).isFalse();

        apply(state, new TimeAllocated("i", "u", "i2", "c2", "beto", "q", BigDecimal.TEN), "alloc-beto-q");
        assertThat(state.provisionalProduct("q")).isTrue();
        assertThat(state.provisionalProduct("p")).as("another product's pending hours").isFalse();
        assertThat(state.provisionalEmployee("beto")).isTrue();
        assertThat(state.provisionalEmployee("ana")).isFalse();
        assertThat(state.provisionalCenter("c2")).isTrue();
        assertThat(state.provisionalCenter("c1")).isFalse();
        assertThat(state.provisionalInstitution()).isTrue();

        // a value of the not-yet-validated interview replaces a validated one: the product turns provisional
        apply(state, new TimeAllocated("i", "u", "i2", "c2", "ana", "p", BigDecimal.ONE), "alloc-ana-p-2");
        assertThat(state.provisionalProduct("p")).isTrue();
        apply(state, new InterviewValidated("i", "u", "i2", "c2", LocalDate.of(2026, 3, 2)), "validated-2");
        assertThat(state.provisionalProduct("p")).isFalse();
        assertThat(state.provisionalProduct("q")).isFalse();
        assertThat(state.provisionalCenter("c2")).isFalse();
        assertThat(state.provisionalInstitution()).isFalse();

        // classic method: the hour's price is the center's payroll over its head count, so a transferred colleague's
        // events price the product of the center they joined (and stay in the old one's, which paid them before)
        apply(state, new EmployeeTransferred("i", "u", "beto", "c2", "c1", LocalDate.of(2026, 6, 1)), "transfer-beto");
        assertThat(state.productLineage("p")).contains("hire-beto", "transfer-beto");
        assertThat(state.centerLineage("c1")).contains("transfer-beto", "alloc-beto-q");
        assertThat(state.institutionLineageSize()).isEqualTo(state.institutionLineage().size());
    }

    @Test
    void aMergeAfterTheAllocationsMovesTheirLineageAndMarksToTheTargetAndAChainOfMergesIsFollowed() {
        InstitutionState state = new InstitutionState("i");
        apply(state, new InstitutionRegistered("i", "u", "Defensoría", "DO", "DOP", 2026, BigDecimal.valueOf(40),
                CostingMethod.INDIVIDUAL, null), "inst");
        apply(state, new CenterRegistered("i", "u", "c1", "Atención", null, CenterArea.SUBSTANTIVE, null, null, null, null), "center");
        apply(state, new EmployeeRegistered("i", "u", "ana", "c1", "Ana", null, new BigDecimal("900000"), BigDecimal.valueOf(40), null), "hire-ana");
        for (String p : List.of("p", "q", "r")) {
            product(state, p, ProductType.TERMINAL);
        }
        apply(state, new InterviewOpened("i", "u", "i1", "c1", null, null, null), "open");
        apply(state, new TimeAllocated("i", "u", "i1", "c1", "ana", "p", BigDecimal.TEN), "alloc-p");
        assertThat(state.productLineage("q")).doesNotContain("alloc-p");
        assertThat(state.provisionalProduct("q")).isFalse();

        apply(state, new ProductMergedInto("i", "u", "p", "q"), "merge-p-q");
        assertThat(state.productLineage("q")).contains("alloc-p", "product-p", "merge-p-q");
        assertThat(state.provisionalProduct("q")).as("p's pending hours count for q now").isTrue();
        apply(state, new ProductMergedInto("i", "u", "q", "r"), "merge-q-r");
        assertThat(state.productLineage("r")).as("p → q → r").contains("alloc-p", "product-p", "product-q", "merge-q-r");
        assertThat(state.provisionalProduct("r")).isTrue();
        assertThat(state.productLineage("q")).as("q answers for r, where it was merged").isEqualTo(state.productLineage("r"));
        assertThat(state.institutionLineageSize()).isEqualTo(state.institutionLineage().size());
    }

    private static void product(InstitutionState state, String id, ProductType type) {
        apply(state, new ProductRegistered("i", "u", id, "c1", id.toUpperCase(), type, false, BigDecimal.ONE, "u",
                new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)), "product-" + id);
    }

    private static void apply(InstitutionState state, Object payload, String id) {
        state.apply(new EventEnvelope(id, EventTypes.typeOf(payload.getClass()), "t", null, T0, "i", "u", null, null, null,
                null, payload, new byte[0]));
    }
}
