package org.ppi.identity.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a user valid, for the configured users (checked at start) and the ones created through the API
 * alike. Each problem is a message code of the platform with its arguments.
 */
final class UserRules {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD = 10;

    record Problem(String code, String field, Object... args) {
    }

    private UserRules() {
    }

    static Optional<Problem> check(String username, String institution, List<String> roles, List<String> centers) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.of(new Problem("user.username-invalid", "username", String.valueOf(username)));
        }
        if (roles == null || roles.isEmpty()) {
            return Optional.of(new Problem("user.role-missing", "roles", String.join(", ", Roles.ALL)));
        }
        List<String> unknown = new ArrayList<>(roles);
        unknown.removeAll(Roles.ALL);
        if (!unknown.isEmpty()) {
            return Optional.of(new Problem("user.role-unknown", "roles", String.join(", ", unknown), String.join(", ", Roles.ALL)));
        }
        boolean admin = roles.contains(Roles.PLATFORM_ADMIN);
        if (admin && !blank(institution)) {
            return Optional.of(new Problem("user.platform-admin-institution", "institution"));
        }
        if (!admin && blank(institution)) {
            return Optional.of(new Problem("user.institution-missing", "institution"));
        }
        if (roles.contains(Roles.CENTER_MANAGER) && (centers == null || centers.isEmpty())) {
            return Optional.of(new Problem("user.centers-missing", "centers"));
        }
        return Optional.empty();
    }

    static Optional<Problem> checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of(new Problem("user.password-too-short", "password", MIN_PASSWORD));
        }
        return Optional.empty();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
