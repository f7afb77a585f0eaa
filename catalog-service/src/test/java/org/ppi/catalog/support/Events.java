package org.ppi.catalog.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.UserGroup;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.platform.inbox.EventEnvelope;

/** Builders for the events the read-model tests feed. */
public final class Events {
    private Events() {
    }

    public static EventMessage<?> message(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    public static EventEnvelope fromSurvey(PpiEvent payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), EventTypes.typeOf(payload.getClass()), Topics.SURVEY,
                payload.aggregateId(), Instant.now(), payload.institutionId(), payload.actingUser(), null, null, null,
                null, payload, new byte[0]);
    }

    public static CenterRegistered center(String institutionId, String centerId, String name, CenterArea area) {
        return new CenterRegistered(institutionId, "survey.user", centerId, name, "scope-1", area, null, null, null, null);
    }

    public static ProductRegistered product(String institutionId, String productId, String centerId, String name,
                                            ProductType type, boolean core, String volume) {
        return product(institutionId, productId, centerId, name, type, core, volume,
                features(null, Set.of(), null));
    }

    public static ProductRegistered product(String institutionId, String productId, String centerId, String name,
                                            ProductType type, boolean core, String volume, ProductFeatures features) {
        return new ProductRegistered(institutionId, "ana.planner", productId, centerId, name, type, core,
                volume == null ? null : new BigDecimal(volume), "units", features);
    }

    public static ProductFeatures features(String description, Set<UserGroup> users, Frequency frequency) {
        return new ProductFeatures(description, users, frequency, null, List.of(), null, null);
    }
}
