package org.ppi.launcher.identity;

/** Where a client of the platform gets the bearer token it sends (one user's identity). */
@FunctionalInterface
public interface TokenSource {
    /** A valid access token (a JWT), without the "Bearer " prefix. */
    String token();
}
