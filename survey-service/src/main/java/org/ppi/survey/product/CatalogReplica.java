package org.ppi.survey.product;

import java.sql.Timestamp;
import java.time.Instant;

import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.inbox.InboxConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey's replica of the catalog topic: which products exist, in which center and institution, so that an
 * allocation is validated without a synchronous call to catalog-service.
 */
@Configuration
class CatalogReplica {
    private final JdbcClient jdbc;

    CatalogReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    InboxConsumer catalogEvents(CloudEventReader reader, Inbox inbox, TransactionTemplate tx) {
        return new InboxConsumer(reader, inbox, tx, this::apply);
    }

    void apply(EventEnvelope event) {
        Object payload = event.payload();
        if (payload instanceof ProductRegistered e) {
            jdbc.sql("insert into known_product (product_id, institution_id, center_id, name, product_type, active, "
                            + "last_event_id, updated_by, updated_at, volume, volume_unit) values (?,?,?,?,?,true,?,?,?,?,?)")
                    .params(e.productId(), e.institutionId(), e.centerId(), e.name(), e.type().name(), event.id(),
                            actor(event), recordedAt(event), e.volume(), e.volumeUnit()).update();
        } else if (payload instanceof ProductVolumeChanged e) {
            jdbc.sql("update known_product set volume = ?, volume_unit = ?, last_event_id = ?, updated_by = ?, "
                            + "updated_at = ? where product_id = ? and institution_id = ?")
                    .params(e.volume(), e.volumeUnit(), event.id(), actor(event), recordedAt(event), e.productId(),
                            e.institutionId()).update();
        } else if (payload instanceof ProductRenamed e) {
            update("name = ?", e.name(), e.productId(), e.institutionId(), event);
        } else if (payload instanceof ProductRetyped e) {
            update("product_type = ?", e.type().name(), e.productId(), e.institutionId(), event);
        } else if (payload instanceof ProductRetired e) {
            update("active = ?", false, e.productId(), e.institutionId(), event);
        } else if (payload instanceof ProductMergedInto e) {
            update("active = ?", false, e.productId(), e.institutionId(), event);
        }
    }

    private void update(String assignment, Object value, String productId, String institutionId, EventEnvelope event) {
        jdbc.sql("update known_product set " + assignment + ", last_event_id = ?, updated_by = ?, updated_at = ? "
                        + "where product_id = ? and institution_id = ?")
                .params(value, event.id(), actor(event), recordedAt(event), productId, institutionId).update();
    }

    private static String actor(EventEnvelope event) {
        if (event.actingUser() == null && event.payload() instanceof PpiEvent ppi) {
            return ppi.actingUser();
        }
        return event.actingUser();
    }

    private static Timestamp recordedAt(EventEnvelope event) {
        return Timestamp.from(event.recordedAt() == null ? Instant.now() : event.recordedAt());
    }
}
