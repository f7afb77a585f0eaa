package org.ppi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The user administration API over real HTTP with real tokens of this provider (the demo users of
 * application.yml): who creates whom, what each admin sees, and that a created or disabled user signs in or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserAdministrationTest {
    private static final String ISSUER = "http://issuer.test:9124";

    @LocalServerPort
    int port;
    IdentityClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String keys = Files.createTempDirectory("ppi-identity-users").toString();
        registry.add("ppi.identity.key-directory", () -> keys);
        registry.add("ppi.identity.issuer", () -> ISSUER);
        registry.add("ppi.security.issuer-uri", () -> ISSUER);
    }

    @BeforeEach
    void client() {
        client = new IdentityClient(port);
    }

    @Test
    void anInstitutionAdminCreatesAUserOfHisInstitutionWhoThenSignsInWithThatRole() throws Exception {
        HttpResponse<String> created = client.send("POST", "/api/identity/users", client.token("directora", "demo"),
                Map.of("username", "nueva.encuestadora", "password", "clave-de-prueba-1", "roles", List.of("surveyor"),
                        "name", "Nueva Encuestadora"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(IdentityClient.json(created.body())).containsEntry("institution", "demo-defensoria")
                .containsEntry("createdBy", "directora").containsEntry("enabled", true).doesNotContainKey("passwordHash");
        Map<String, Object> claims = client.verifiedClaims(client.token("nueva.encuestadora", "clave-de-prueba-1"));
        assertThat(claims).containsEntry("institution", "demo-defensoria").containsEntry("roles", List.of("surveyor"))
                .containsEntry("name", "Nueva Encuestadora");
    }

    @Test
    void thePlatformAdminCreatesAnotherInstitutionsAdminWhoSeesOnlyHisOwnUsers() throws Exception {
        String admin = client.token("admin", "demo");
        assertThat(client.send("POST", "/api/identity/users", admin, Map.of("username", "admin.alcaldia",
                "password", "clave-de-prueba-2", "institution", "alcaldia", "roles", List.of("institution-admin")))
                .statusCode()).isEqualTo(201);
        String other = client.token("admin.alcaldia", "clave-de-prueba-2");

        List<Object> seen = IdentityClient.jsonList(client.send("GET", "/api/identity/users", other, null).body());
        assertThat(seen).extracting(u -> (Object) String.valueOf(((Map<?, ?>) u).get("username"))).containsExactly("admin.alcaldia");
        // Another institution's users answer like unknown ones, whatever is asked.
        for (HttpResponse<String> r : List.of(client.send("GET", "/api/identity/users/analista", other, null),
                client.send("PUT", "/api/identity/users/analista/enabled", other, Map.of("enabled", false)),
                client.send("GET", "/api/identity/users/no-existe", other, null))) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(IdentityClient.json(r.body())).containsEntry("code", "user.not-found");
        }
        assertThat(client.send("POST", "/api/identity/users", other, Map.of("username", "intruso", "password",
                "clave-de-prueba-3", "institution", "demo-defensoria", "roles", List.of("auditor"))).statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/api/identity/users/admin.alcaldia", client.token("directora", "demo"), null)
                .statusCode()).isEqualTo(404);
        // The platform admin sees the institutions' admins, not their staff.
        List<Object> adminsSeen = IdentityClient.jsonList(client.send("GET", "/api/identity/users", admin, null).body());
        assertThat(adminsSeen).extracting(u -> (Object) String.valueOf(((Map<?, ?>) u).get("username"))).contains("admin.alcaldia", "directora")
                .doesNotContain("analista", "encuestador");
    }

    @Test
    void eachAdminGrantsOnlyWhatHisRoleMayGrant() throws Exception {
        HttpResponse<String> staffByPlatform = client.send("POST", "/api/identity/users", client.token("admin", "demo"),
                Map.of("username", "x.surveyor", "password", "clave-de-prueba-4", "institution", "demo-defensoria",
                        "roles", List.of("surveyor")));
        assertThat(staffByPlatform.statusCode()).isEqualTo(422);
        assertThat(IdentityClient.json(staffByPlatform.body())).containsEntry("code", "user.role-not-grantable");

        HttpResponse<String> escalation = client.send("POST", "/api/identity/users", client.token("directora", "demo"),
                Map.of("username", "x.root", "password", "clave-de-prueba-5", "roles", List.of("platform-admin")));
        assertThat(escalation.statusCode()).isEqualTo(422);

        HttpResponse<String> byAnalyst = client.send("POST", "/api/identity/users", client.token("analista", "demo"),
                Map.of("username", "x.analyst", "password", "clave-de-prueba-6", "roles", List.of("analyst")));
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(IdentityClient.json(byAnalyst.body())).containsEntry("code", "auth.forbidden");
        assertThat(client.send("GET", "/api/identity/users", null, null).statusCode()).isEqualTo(401);
        assertThat(client.passwordGrant("ppi-cli", "ppi-cli", "x.root", "clave-de-prueba-5").statusCode()).isNotEqualTo(200);
    }

    @Test
    void badUsersAreRefusedWithTheFieldAndNothingIsCreated() throws Exception {
        String directora = client.token("directora", "demo");
        Map<String, Object> cases = Map.of(
                "user.password-too-short", Map.of("username", "x.corta", "password", "corta", "roles", List.of("analyst")),
                "user.username-invalid", Map.of("username", "Con Espacios", "password", "clave-de-prueba-7", "roles", List.of("analyst")),
                "user.role-unknown", Map.of("username", "x.rol", "password", "clave-de-prueba-8", "roles", List.of("jefe")),
                "user.centers-missing", Map.of("username", "x.jefe", "password", "clave-de-prueba-9", "roles", List.of("center-manager")),
                "user.exists", Map.of("username", "analista", "password", "clave-de-prueba-0", "roles", List.of("analyst")));
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = client.send("POST", "/api/identity/users", directora, c.getValue());
            assertThat(IdentityClient.json(r.body())).as(c.getKey()).containsEntry("code", c.getKey());
            assertThat(r.statusCode()).isEqualTo(c.getKey().equals("user.exists") ? 409 : 400);
        }
        assertThat(IdentityClient.jsonList(client.send("GET", "/api/identity/users", directora, null).body()))
                .extracting(u -> (Object) String.valueOf(((Map<?, ?>) u).get("username"))).noneMatch(n -> String.valueOf(n).startsWith("x."));
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgainAndNobodyDisablesHimself() throws Exception {
        String directora = client.token("directora", "demo");
        assertThat(client.passwordGrant("ppi-cli", "ppi-cli", "auditora", "demo").statusCode()).isEqualTo(200);

        assertThat(client.send("PUT", "/api/identity/users/auditora/enabled", directora, Map.of("enabled", false))
                .statusCode()).isEqualTo(200);
        assertThat(client.passwordGrant("ppi-cli", "ppi-cli", "auditora", "demo").statusCode()).isEqualTo(400);

        assertThat(client.send("PUT", "/api/identity/users/auditora/enabled", directora, Map.of("enabled", true))
                .statusCode()).isEqualTo(200);
        assertThat(client.passwordGrant("ppi-cli", "ppi-cli", "auditora", "demo").statusCode()).isEqualTo(200);

        HttpResponse<String> self = client.send("PUT", "/api/identity/users/directora/enabled", directora, Map.of("enabled", false));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(IdentityClient.json(self.body())).containsEntry("code", "user.self");
    }
}
