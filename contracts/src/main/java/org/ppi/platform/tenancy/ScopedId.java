package org.ppi.platform.tenancy;

/**
 * The identifier an aggregate of an institution has in the event store: {@code <institutionId>~<id>}. Ids are
 * chosen by clients and are unique only inside their institution, so the same product code can exist in two
 * institutions, and an id another institution uses is simply a different aggregate: it neither answers 409
 * nor reveals anything. Commands keep the client's id and expose this one to Axon through their
 * {@code @TargetAggregateIdentifier} accessor; events keep the client's id and the institution, as before.
 *
 * <p>The separator is a character neither a client id ({@link org.ppi.platform.web.Ids}) nor an institution
 * claim may contain, so the institution part always ends at the first separator and two different pairs never
 * give the same identifier.
 */
public final class ScopedId {
    public static final char SEPARATOR = '~';

    private ScopedId() {
    }

    public static String of(String institutionId, String id) {
        return part(institutionId, "institution") + SEPARATOR + part(id, "id");
    }

    /** The client's id inside an aggregate identifier (an identifier without institution is returned as it is). */
    public static String idOf(String aggregateIdentifier) {
        if (aggregateIdentifier == null) {
            return null;
        }
        int at = aggregateIdentifier.indexOf(SEPARATOR);
        return at < 0 ? aggregateIdentifier : aggregateIdentifier.substring(at + 1);
    }

    private static String part(String value, String name) {
        if (value == null || value.isEmpty() || value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("A scoped id needs a non-empty " + name + " without '" + SEPARATOR
                    + "': " + value);
        }
        return value;
    }
}
