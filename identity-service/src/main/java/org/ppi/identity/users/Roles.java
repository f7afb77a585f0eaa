package org.ppi.identity.users;

import java.util.List;

/** The fixed set of role names of the identity contract; a token never carries any other. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String INSTITUTION_ADMIN = "institution-admin";
    public static final String CENTER_MANAGER = "center-manager";
    public static final List<String> ALL = List.of(PLATFORM_ADMIN, INSTITUTION_ADMIN, "surveyor", CENTER_MANAGER,
            "authority", "auditor", "analyst");

    private Roles() {
    }
}
