package org.ppi.platform.web;

/**
 * Who acts, and for which institution. Today both come from the {@code X-Institution-Id} and {@code X-User-Id}
 * headers that the gateway forwards; when login arrives the gateway sets them from the token and strips any
 * value the client sent, so services keep reading the same two headers.
 */
public record Actor(String institutionId, String userId) {
    public static final String INSTITUTION_HEADER = "X-Institution-Id";
    public static final String USER_HEADER = "X-User-Id";
}
