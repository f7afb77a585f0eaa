package org.ppi.budget.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.costing.LineageRef;
import org.ppi.contracts.costing.Amount;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.PlannedVolumeSet;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * DOMAIN.md's worked example as the budget receives it: the programmatic structure from value chain (PR1 =
 * the chain of P1, PR2 = the chain of P2) and the figures costing published for either method.
 */
public final class WorkedExample {
    public static final String INSTITUTION = "demo";
    public static final String USER = "analyst";

    private WorkedExample() {
    }

    public static List<PpiEvent> valueChain(String institution) {
        return List.of(
                new ValueChainDefined(institution, USER, "VC1", "Quejas ciudadanas", null, "P1"),
                new ValueChainDefined(institution, USER, "VC2", "Informe de derechos humanos", null, "P2"),
                new ProgramDefined(institution, USER, "PR1", "01", "Atención ciudadana", "Quejas atendidas a tiempo"),
                new ProgramDefined(institution, USER, "PR2", "02", "Derechos humanos", "Derechos vigilados"),
                new ActivityDefined(institution, USER, "PR1", "A1", "Atención de quejas", ActivityKind.SPECIFIC, "P1"),
                new ActivityDefined(institution, USER, "PR1", "A3", "Gestión de nómina", ActivityKind.COMMON, "P3"),
                new ActivityDefined(institution, USER, "PR2", "A2", "Informe anual", ActivityKind.SPECIFIC, "P2"),
                new ChainAssignedToProgram(institution, USER, "PR1", "VC1"),
                new ChainAssignedToProgram(institution, USER, "PR2", "VC2"));
    }

    /** Both methods' figures of DOMAIN.md's table, each product with its cause and two events in its lineage. */
    public static List<PpiEvent> costing(String institution, CostingMethod method) {
        boolean classic = method == CostingMethod.CLASSIC;
        List<PpiEvent> events = new ArrayList<>();
        events.add(product(institution, method, "P1", ProductType.TERMINAL, classic ? 2_815_000 : 3_157_250, 1_200, true));
        events.add(product(institution, method, "P2", ProductType.TERMINAL, classic ? 508_000 : 665_350, 1, true));
        events.add(product(institution, method, "P3", ProductType.INTERMEDIATE, classic ? 340_000 : 415_000, 12, true));
        events.add(product(institution, method, "P4", ProductType.INTERMEDIATE, classic ? 680_000 : 650_000, 40, true));
        events.add(product(institution, method, "P5", ProductType.INTERMEDIATE, classic ? 170_000 : 132_500, 0, false));
        long central = classic ? 170_000 : 132_500;
        long unused = classic ? 517_000 + 170_000 : 62_400 + 162_500;
        long terminals = classic ? 2_815_000 + 508_000 : 3_157_250 + 665_350;
        events.add(new InstitutionCostRecalculated(institution, USER, method, amount(4_180_000), amount(terminals),
                amount(central), amount(unused), amount(0), true, null, "cause-institution", 40, LineageRef.institution()));
        return events;
    }

    public static PlannedVolumeSet plan(String institution, String program, String product, int year, long volume) {
        return new PlannedVolumeSet(institution, USER, program, product, year, BigDecimal.valueOf(volume));
    }

    static ProductCostRecalculated product(String institution, CostingMethod method, String id, ProductType type,
                                           long fullCost, long volume, boolean attributed) {
        return new ProductCostRecalculated(institution, USER, id, "C", method, type, false, true, null, null,
                amount(fullCost), BigDecimal.valueOf(volume), null, amount(fullCost), null, attributed, null,
                "cause-" + id, 2, LineageRef.product(id));
    }

    static Amount amount(long value) {
        Rational exact = Rational.of(value);
        return new Amount(exact.toCents(), exact.toString());
    }

    /** The events as consumed envelopes, one second apart, ids ev-1, ev-2, … */
    public static List<EventEnvelope> envelopes(List<? extends PpiEvent> payloads) {
        List<EventEnvelope> result = new ArrayList<>();
        Instant clock = Instant.parse("2026-03-01T12:00:00Z");
        for (PpiEvent payload : payloads) {
            clock = clock.plusSeconds(1);
            result.add(envelope(payload, "ev-" + (result.size() + 1), clock));
        }
        return result;
    }

    public static EventEnvelope envelope(PpiEvent payload, String id, Instant at) {
        return new EventEnvelope(id, EventTypes.typeOf(payload.getClass()), "test", payload.aggregateId(), at,
                payload.institutionId(), payload.actingUser(), null, null, null, null, payload, new byte[0]);
    }

    public static List<PpiEvent> all(CostingMethod method) {
        List<PpiEvent> events = new ArrayList<>(valueChain(INSTITUTION));
        events.addAll(costing(INSTITUTION, method));
        return events;
    }
}
