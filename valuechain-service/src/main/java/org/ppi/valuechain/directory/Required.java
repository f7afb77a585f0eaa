package org.ppi.valuechain.directory;

import org.ppi.platform.web.DomainRejection;

/** Required command fields, checked again in the aggregate because commands do not only come from HTTP. */
public final class Required {
    private Required() {
    }

    public static void text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainRejection.badRequest("request.missing-parameter", field, field);
        }
    }

    public static void value(Object value, String field) {
        if (value == null) {
            throw DomainRejection.badRequest("request.missing-parameter", field, field);
        }
    }
}
