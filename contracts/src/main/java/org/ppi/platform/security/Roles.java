package org.ppi.platform.security;

import java.util.List;
import java.util.Set;

/** The role names of the identity contract (claim {@code roles}); any other name in a token is ignored. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String INSTITUTION_ADMIN = "institution-admin";
    public static final String SURVEYOR = "surveyor";
    public static final String CENTER_MANAGER = "center-manager";
    public static final String AUTHORITY = "authority";
    public static final String AUDITOR = "auditor";
    public static final String ANALYST = "analyst";

    /** Every role, platform first. */
    public static final List<String> ALL = List.of(PLATFORM_ADMIN, INSTITUTION_ADMIN, SURVEYOR, CENTER_MANAGER,
            AUTHORITY, AUDITOR, ANALYST);
    /** The roles a user of an institution can hold (all but the platform administrator). */
    public static final Set<String> INSTITUTION = Set.of(INSTITUTION_ADMIN, SURVEYOR, CENTER_MANAGER, AUTHORITY,
            AUDITOR, ANALYST);

    private Roles() {
    }
}
