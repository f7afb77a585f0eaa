package org.ppi.costing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.costing.LineageRef;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.money.Money;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.Recalculator;
import org.ppi.costing.rules.InstitutionTotals;
import org.ppi.costing.rules.ProductCost;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What lineage by reference saves in every published figure event: the institution's event as costing publishes it
 * now (the lineage's size and path) against the same event with the whole list it used to carry, on the bench's
 * institution at the seed's scale (30 centers, 87 employees, 258 products) and at twice that, its ids as long as the
 * platform's (UUIDs). The list grew with the institution; the reference does not.
 */
class LineageByReferenceSizeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void thePublishedInstitutionEventNoLongerGrowsWithTheInstitution() {
        int[] now = new int[2];
        int[] before = new int[2];
        for (int scale = 1; scale <= 2; scale++) {
            InstitutionState state = new InstitutionState("bench");
            List<EventEnvelope> events = CostingBench.institution(CostingMethod.CLASSIC, new Random(42), scale);
            events.forEach(state::apply);
            CostFigures figures = new Recalculator().full(state.toInput());
            Set<String> lineage = state.institutionLineage();
            assertThat(state.institutionLineageSize()).isEqualTo(lineage.size());
            assertThat(lineage.size()).as("every fact of the institution").isGreaterThan(events.size() * 9 / 10);

            InstitutionCostRecalculated event = institutionEvent(state, figures, lineage.size());
            now[scale - 1] = JSON.writeValueAsBytes(event).length;
            before[scale - 1] = withWholeList(event, lineage);

            String productId = figures.products().keySet().stream()
                    .max(java.util.Comparator.comparingInt((String id) -> state.productLineage(id).size())
                            .thenComparing(java.util.Comparator.reverseOrder()))
                    .orElseThrow();
            ProductCostRecalculated product = productEvent(state, figures.products().get(productId),
                    state.productLineage(productId).size());
            int productNow = JSON.writeValueAsBytes(product).length;
            int productBefore = withWholeList(product, state.productLineage(productId));
            System.out.printf("scale %d (%d events): institution event %,d bytes (lineage of %,d ids: was %,d bytes); "
                            + "the classic product with the longest lineage (%,d ids) %,d bytes (was %,d)%n", scale,
                    events.size(), now[scale - 1], lineage.size(), before[scale - 1],
                    state.productLineage(productId).size(), productNow, productBefore);
            assertThat(productBefore).isGreaterThan(productNow);
        }
        assertThat(before[0]).as("the whole list dwarfed the figure").isGreaterThan(20 * now[0]);
        assertThat(before[1]).as("and grew with the institution").isGreaterThan(before[0] * 3 / 2);
        assertThat(Math.abs(now[1] - now[0])).as("the reference does not grow (only the amounts' digits may)").isLessThan(40);
    }

    private static int withWholeList(Object event, Set<String> lineage) {
        ObjectNode old = JSON.valueToTree(event);
        old.remove("lineageSize");
        old.remove("lineageRef");
        // the platform's event ids are UUIDs (the bench's are short): each id as long as a real one
        old.putPOJO("lineage", lineage.stream()
                .map(id -> java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .toList());
        return JSON.writeValueAsBytes(old).length;
    }

    private static InstitutionCostRecalculated institutionEvent(InstitutionState state, CostFigures figures, int size) {
        InstitutionTotals t = figures.totals();
        return new InstitutionCostRecalculated(state.institutionId(), "analista", state.method(), Money.amount(t.totalCost()),
                Money.amount(t.terminalFullCost()), Money.amount(t.unattributedIntermediateCost()),
                Money.amount(t.unusedCost()), Money.amount(Rational.of(t.roundingResidue())), t.reconciles(),
                java.time.Instant.parse("2026-02-01T10:00:00Z"), "00000000-0000-0000-0000-000000000000", size,
                LineageRef.institution(), state.provisionalInstitution());
    }

    private static ProductCostRecalculated productEvent(InstitutionState state, ProductCost p, int size) {
        return new ProductCostRecalculated(state.institutionId(), "analista", p.productId(), p.centerId(), state.method(),
                p.type(), p.core(), true, Money.amount(p.labour()), Money.amount(p.nonLabour()), Money.amount(p.direct()),
                Money.plain(p.volume()), Money.amount(p.unitCost()), Money.amount(p.fullCost()),
                Money.amount(p.fullUnitCost()), p.attributed(), java.time.Instant.parse("2026-02-01T10:00:00Z"),
                "00000000-0000-0000-0000-000000000000", size, LineageRef.product(p.productId()),
                state.provisionalProduct(p.productId()));
    }
}
