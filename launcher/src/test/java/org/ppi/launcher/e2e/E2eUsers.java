package org.ppi.launcher.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.launcher.identity.PasswordGrantTokens;
import org.ppi.launcher.identity.TokenSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users of the end-to-end platform: the platform admin, and one user per role in each of the two test
 * institutions ({@code <institution>.<role>}), given to the embedded identity provider at start
 * (SPRING_APPLICATION_JSON replaces its demo users). Their tokens come from it by the password grant, like any
 * client's.
 */
final class E2eUsers {
    static final String PASSWORD = "e2e-clave";
    static final List<String> INSTITUTION_ROLES = List.of("institution-admin", "surveyor", "center-manager", "authority",
            "auditor", "analyst");

    private final Map<String, List<String>> centersOfManagers;
    private final Map<String, Integer> extraAdmins;

    /**
     * @param centersOfManagers institution → the centers its center manager is assigned to
     * @param extraAdmins       institution → how many more institution admins it has ({@code institution-admin-<k>},
     *                          k from 1): each has its own request budget at the door, as many surveyors would
     */
    E2eUsers(Map<String, List<String>> centersOfManagers, Map<String, Integer> extraAdmins) {
        this.centersOfManagers = new LinkedHashMap<>(centersOfManagers);
        this.extraAdmins = new LinkedHashMap<>(extraAdmins);
    }

    static String username(String institution, String role) {
        return institution + "." + role;
    }

    Map<String, String> identityEnvironment() {
        List<Map<String, Object>> users = new ArrayList<>();
        users.add(Map.of("username", "admin", "password", PASSWORD, "roles", List.of("platform-admin"), "name", "Admin e2e"));
        centersOfManagers.forEach((institution, centers) -> {
            for (String role : INSTITUTION_ROLES) {
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("username", username(institution, role));
                user.put("password", PASSWORD);
                user.put("institution", institution);
                user.put("roles", List.of(role));
                user.put("name", role + " de " + institution);
                if (role.equals("center-manager")) {
                    user.put("centers", centers);
                }
                users.add(user);
            }
        });
        extraAdmins.forEach((institution, count) -> {
            for (int k = 1; k <= count; k++) {
                users.add(Map.of("username", username(institution, "institution-admin-" + k), "password", PASSWORD,
                        "institution", institution, "roles", List.of("institution-admin"), "name", "Admin " + k + " de " + institution));
            }
        });
        String json = JsonMapper.builder().build().writeValueAsString(Map.of("ppi", Map.of("identity", Map.of("users", users))));
        return Map.of("SPRING_APPLICATION_JSON", json);
    }

    static TokenSource admin(URI issuer) {
        return PasswordGrantTokens.local(issuer, "admin", PASSWORD);
    }

    static TokenSource of(URI issuer, String institution, String role) {
        return PasswordGrantTokens.local(issuer, username(institution, role), PASSWORD);
    }
}
