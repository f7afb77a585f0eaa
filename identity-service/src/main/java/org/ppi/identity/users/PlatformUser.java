package org.ppi.identity.users;

import java.util.List;

/**
 * A user as the tokens describe it: {@code sub}, {@code institution} (null for the platform admin),
 * {@code roles}, {@code centers} and {@code name}.
 */
public record PlatformUser(String username, String institution, List<String> roles, List<String> centers,
                           String name) {
}
