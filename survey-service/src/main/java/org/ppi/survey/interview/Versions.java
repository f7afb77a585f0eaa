package org.ppi.survey.interview;

import org.ppi.platform.web.DomainRejection;

/** The interview version a change was based on, as a client sends it. */
public final class Versions {
    private Versions() {
    }

    /**
     * {@code expectedVersion} in the body (or query), or the {@code If-Match} header ({@code 3}, {@code "3"} or
     * {@code W/"3"}); both given must agree. Null: no check.
     */
    public static Long expected(Long inBody, String ifMatch) {
        Long header = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "").trim();
            try {
                header = Long.valueOf(tag);
            } catch (NumberFormatException e) {
                throw DomainRejection.badRequest("interview.version-invalid", "If-Match", ifMatch);
            }
        }
        if (inBody != null && header != null && !inBody.equals(header)) {
            throw DomainRejection.badRequest("interview.version-mismatch", "If-Match", inBody, header);
        }
        Long version = inBody != null ? inBody : header;
        if (version != null && version < 0) {
            throw DomainRejection.badRequest("interview.version-invalid", "expectedVersion", version);
        }
        return version;
    }
}
