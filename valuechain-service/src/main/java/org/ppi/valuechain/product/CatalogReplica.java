package org.ppi.valuechain.product;

import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductFeaturesRevised;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.inbox.InboxConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's replica of the catalog topic: which products exist, of which type, in which center and
 * institution, so chains are validated and shown without a synchronous call to catalog-service.
 */
@Configuration
public class CatalogReplica {
    static final int NAME_LENGTH = 300;
    static final int DESCRIPTION_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final MergeGuard guard;

    /** What must surround a merge arriving from the catalog: the link-graph lock before, the cycle check after. */
    public interface MergeGuard {
        void lock(String institutionId);

        void repair(String institutionId);
    }

    public CatalogReplica(JdbcClient jdbc, MergeGuard guard) {
        this.jdbc = jdbc;
        this.guard = guard;
    }

    @Bean
    InboxConsumer catalogEvents(CloudEventReader reader, Inbox inbox, TransactionTemplate tx) {
        return new InboxConsumer(reader, inbox, tx, this::apply);
    }

    public void apply(EventEnvelope event) {
        Object payload = event.payload();
        if (payload instanceof ProductRegistered e) {
            register(e, event.id());
        } else if (payload instanceof ProductRenamed e) {
            update("name = ?", clip(e.name(), NAME_LENGTH), e.productId(), e.institutionId(), event.id());
        } else if (payload instanceof ProductFeaturesRevised e) {
            update("description = ?", description(e.features()), e.productId(), e.institutionId(), event.id());
        } else if (payload instanceof ProductRetyped e) {
            jdbc.sql("update known_product set product_type = ?, core = ?, last_event_id = ? "
                            + "where product_id = ? and institution_id = ?")
                    .params(e.type().name(), e.core(), event.id(), e.productId(), e.institutionId()).update();
        } else if (payload instanceof ProductRetired e) {
            update("active = ?", false, e.productId(), e.institutionId(), event.id());
        } else if (payload instanceof ProductMergedInto e) {
            guard.lock(e.institutionId());
            jdbc.sql("update known_product set active = false, merged_into = ?, last_event_id = ? "
                            + "where product_id = ? and institution_id = ?")
                    .params(e.targetProductId(), event.id(), e.productId(), e.institutionId()).update();
            guard.repair(e.institutionId());
        }
    }

    private void register(ProductRegistered e, String eventId) {
        // a replayed topic (new event ids for the same product) must not fail on the primary key
        int updated = jdbc.sql("update known_product set center_id = ?, name = ?, description = ?, product_type = ?, "
                        + "core = ?, active = true, merged_into = null, last_event_id = ? "
                        + "where product_id = ? and institution_id = ?")
                .params(e.centerId(), clip(e.name(), NAME_LENGTH), description(e.features()), e.type().name(), e.core(),
                        eventId, e.productId(), e.institutionId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into known_product (product_id, institution_id, center_id, name, description, product_type, "
                            + "core, active, merged_into, last_event_id) values (?,?,?,?,?,?,?,true,null,?)")
                    .params(e.productId(), e.institutionId(), e.centerId(), clip(e.name(), NAME_LENGTH),
                            description(e.features()), e.type().name(), e.core(), eventId)
                    .update();
        }
    }

    private void update(String assignment, Object value, String productId, String institutionId, String eventId) {
        jdbc.sql("update known_product set " + assignment + ", last_event_id = ? where product_id = ? and institution_id = ?")
                .params(value, eventId, productId, institutionId).update();
    }

    private static String description(ProductFeatures features) {
        return features == null ? null : clip(features.description(), DESCRIPTION_LENGTH);
    }

    static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
