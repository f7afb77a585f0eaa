package org.ppi.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids are chosen by the client (to load a known profile) or generated; either way short and URL-safe. They never
 * hold {@link org.ppi.platform.tenancy.ScopedId#SEPARATOR}, which joins institution and id in the event store.
 */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private Ids() {
    }

    public static String orNew(String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return require(requested, field);
    }

    /** Whether a client id has the platform's form (nothing that a path, a query or the event store key could misread). */
    public static boolean valid(CharSequence id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static String require(String id, String field) {
        if (!valid(id)) {
            throw DomainRejection.badRequest("request.invalid-id", field, field);
        }
        return id;
    }
}
