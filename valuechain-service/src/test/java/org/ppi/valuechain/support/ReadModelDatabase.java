package org.ppi.valuechain.support;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh in-memory H2 in PostgreSQL mode (the local start's database) with the service's read-model
 * migrations: projection tests there also prove the SQL is portable.
 */
public final class ReadModelDatabase {
    private ReadModelDatabase() {
    }

    public static JdbcClient create() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:vc_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }

    /** An event as the subscribing processor hands it to a projection. */
    public static EventMessage<?> message(Object event) {
        return GenericEventMessage.asEventMessage(event);
    }

    /** A consumed CloudEvent as the inbox hands it to a replica. */
    public static EventEnvelope envelope(PpiEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), EventTypes.typeOf(event.getClass()), "test", event.aggregateId(),
                Instant.now(), event.institutionId(), event.actingUser(), null, null, null, 0L, event, new byte[0]);
    }
}
