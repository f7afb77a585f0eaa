package org.ppi.costing.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.platform.inbox.EventEnvelope;

/** DOMAIN.md's worked example as the stream of events that records it, one second apart. */
final class WorkedExampleEvents {
    static final String INSTITUTION = "demo";
    private static final String USER = "analyst";

    private final List<EventEnvelope> events = new ArrayList<>();
    private Instant clock = Instant.parse("2026-03-01T12:00:00Z");

    static List<EventEnvelope> of(CostingMethod method) {
        WorkedExampleEvents w = new WorkedExampleEvents();
        w.add(new InstitutionRegistered(INSTITUTION, USER, "Defensoría", "DO", "DOP", 2026, BigDecimal.valueOf(40), method));
        w.add(new CenterRegistered(INSTITUTION, USER, "C1", "Dirección de Atención al Ciudadano", null, CenterArea.SUBSTANTIVE, null, null, null, null));
        w.add(new CenterRegistered(INSTITUTION, USER, "C2", "Dirección Administrativa", null, CenterArea.SUPPORT, null, null, null, null));
        w.add(new CenterNonLabourCostRecorded(INSTITUTION, USER, "C1", new BigDecimal("120000"), null));
        w.add(new CenterNonLabourCostRecorded(INSTITUTION, USER, "C2", new BigDecimal("60000"), null));
        w.employee("Ana", "C1", "1200000", 40);
        w.employee("Beto", "C1", "900000", 40);
        w.employee("Carla", "C1", "600000", 20);
        w.employee("Diego", "C2", "800000", 40);
        w.employee("Elena", "C2", "500000", 40);
        w.product("P1", "C1", ProductType.TERMINAL, true, "1200");
        w.product("P2", "C1", ProductType.TERMINAL, false, "1");
        w.product("P3", "C2", ProductType.INTERMEDIATE, false, "12");
        w.product("P4", "C2", ProductType.INTERMEDIATE, false, "40");
        w.product("P5", "C2", ProductType.INTERMEDIATE, false, "0");
        w.hours("Ana", "P1", 30);
        w.hours("Ana", "P2", 8);
        w.hours("Beto", "P1", 40);
        w.hours("Carla", "P1", 10);
        w.hours("Carla", "P2", 10);
        w.hours("Diego", "P3", 20);
        w.hours("Diego", "P4", 16);
        w.hours("Elena", "P4", 24);
        w.hours("Elena", "P5", 10);
        w.add(new ValueChainDefined(INSTITUTION, USER, "VC1", "Quejas", null, "P1"));
        w.add(new ValueChainDefined(INSTITUTION, USER, "VC2", "Informe", null, "P2"));
        w.add(new IntermediateLinked(INSTITUTION, USER, "VC1", "P3", "P1", BigDecimal.valueOf(3)));
        w.add(new IntermediateLinked(INSTITUTION, USER, "VC2", "P3", "P2", BigDecimal.ONE));
        w.add(new IntermediateLinked(INSTITUTION, USER, "VC1", "P4", "P1", BigDecimal.ONE));
        return w.events;
    }

    private void employee(String name, String center, String cost, int hours) {
        add(new EmployeeRegistered(INSTITUTION, USER, name, center, name, null, new BigDecimal(cost), BigDecimal.valueOf(hours),
                LocalDate.of(2026, 1, 1)));
    }

    private void product(String id, String center, ProductType type, boolean core, String volume) {
        add(new ProductRegistered(INSTITUTION, USER, id, center, id, type, core, new BigDecimal(volume), "u",
                new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
    }

    private void hours(String employee, String product, int hours) {
        add(new TimeAllocated(INSTITUTION, USER, "I-" + employee, null, employee, product, BigDecimal.valueOf(hours)));
    }

    private void add(Object payload) {
        clock = clock.plusSeconds(1);
        events.add(envelope(payload, "ev-" + (events.size() + 1), clock));
    }

    static EventEnvelope envelope(Object payload, String id, Instant at) {
        return new EventEnvelope(id, EventTypes.typeOf(payload.getClass()), "test", null, at, INSTITUTION, USER, null, null,
                null, null, payload, new byte[0]);
    }
}
