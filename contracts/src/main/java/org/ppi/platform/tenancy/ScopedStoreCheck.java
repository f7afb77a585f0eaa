package org.ppi.platform.tenancy;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start a write service on an event store written before ids were scoped per institution. Such a store
 * holds aggregates under the client's id alone; this version looks them up as {@code <institution>~<id>}, so they
 * would answer 404 and their ids could be registered a second time. Events are never rewritten: the store belongs
 * to a new deployment (locally, delete {@code .ppi/} and start again; the demo is loaded anew).
 */
public final class ScopedStoreCheck {
    /** The tenant itself: its stream is keyed by the institution id, which is unique on its own. */
    static final String TENANT_AGGREGATE = "Institution";

    private ScopedStoreCheck() {
    }

    public static void requireScopedStore(JdbcClient jdbc) {
        unscopedStream(jdbc).ifPresent(stream -> {
            throw new IllegalStateException("El almacén de eventos es de una versión anterior, con ids globales (p. ej. "
                    + stream + "); esta versión separa los ids por institución. Use una base de datos nueva (en local: "
                    + "borre .ppi/ y vuelva a iniciar). / The event store predates ids scoped per institution (e.g. "
                    + stream + "); start this version on a new database (locally: delete .ppi/ and start again).");
        });
    }

    /** The first aggregate stream stored under a bare client id, if any ("Product P001"). */
    static Optional<String> unscopedStream(JdbcClient jdbc) {
        return jdbc.sql("select type, aggregate_identifier from domain_event_entry where sequence_number = 0 "
                        + "and type <> ? and aggregate_identifier not like ? order by global_index fetch first 1 rows only")
                .params(TENANT_AGGREGATE, "%" + ScopedId.SEPARATOR + "%")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).optional();
    }
}
