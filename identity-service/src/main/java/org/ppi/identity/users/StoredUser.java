package org.ppi.identity.users;

import java.time.Instant;

/** A user with what only the identity provider keeps: the password hash, whether it may sign in, who created it. */
public record StoredUser(PlatformUser user, String passwordHash, boolean enabled, String createdBy, Instant createdAt) {
    StoredUser enabled(boolean value) {
        return new StoredUser(user, passwordHash, value, createdBy, createdAt);
    }
}
