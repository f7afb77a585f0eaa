package org.ppi.launcher.identity;

import static org.ppi.launcher.identity.KeycloakPages.loginFormAction;
import static org.ppi.launcher.identity.KeycloakPages.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The committed realm (identity/keycloak/ppi-realm.json) in a real Keycloak: every demo user's token has the
 * identity contract's claims (top-level sub = user name, institution, roles, centers, name; aud contains ppi),
 * signed by a key of the realm's JWKS; and the browser path of the gateway client (authorization code + PKCE S256)
 * works with plain HTTP, form and cookies, as a browser would do it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedKeycloak.class)
class KeycloakRealmIT {
    private static final Logger log = LoggerFactory.getLogger(KeycloakRealmIT.class);
    private static final String DEMO = "demo-defensoria";
    /** The configurable redirect of ppi-gateway (realm placeholder PPI_GATEWAY_REDIRECT_URI): KeycloakPlatformIT's gateway. */
    private static final String TEST_REDIRECT = SharedKeycloak.GATEWAY_REDIRECT;
    private static final Set<String> CONTRACT_ROLES = Set.of("platform-admin", "institution-admin", "surveyor",
            "center-manager", "authority", "auditor", "analyst");

    private KeycloakServer keycloak;
    private final Map<String, Object> measured = new LinkedHashMap<>();

    /** The run's one Keycloak (shared with KeycloakPlatformIT, stopped at the end of the run). */
    @BeforeAll
    void start(KeycloakServer shared) {
        keycloak = shared;
        measured.put("keycloakStartSeconds", keycloak.startDuration().toMillis() / 1000.0);
    }

    @AfterAll
    void stop() {
        log.info("Measured: {}", measured);
    }

    @Test
    void analystTokenHasTheContractClaimsAndAValidSignature() {
        KeycloakServer.TokenResponse response = keycloak.passwordGrant("analista", "demo");
        JsonNode claims = verifiedClaims(response.accessToken());

        assertThat(text(claims, "iss")).isEqualTo(keycloak.issuerUri().toString());
        assertThat(text(claims, "sub")).isEqualTo("analista");
        assertThat(text(claims, "institution")).isEqualTo(DEMO);
        assertThat(strings(claims, "roles")).containsExactly("analyst");
        assertThat(claims.has("centers")).as("centers of an analyst").isFalse();
        assertThat(text(claims, "name")).isEqualTo("Ana Analista");
        assertThat(strings(claims, "aud")).contains("ppi");
        assertThat(text(claims, "azp")).isEqualTo("ppi-cli");
        assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());

        // The same claims in the ID token (aud = the client there).
        JsonNode id = verifiedClaims(response.idToken());
        assertThat(text(id, "sub")).isEqualTo("analista");
        assertThat(text(id, "institution")).isEqualTo(DEMO);
        assertThat(strings(id, "roles")).containsExactly("analyst");
        assertThat(strings(id, "aud")).containsExactly("ppi-cli");
    }

    @Test
    void centerManagerTokenListsHerCenters() {
        KeycloakServer.TokenResponse response = keycloak.passwordGrant("jefe-centro", "demo");
        for (String token : List.of(response.accessToken(), response.idToken())) {
            JsonNode claims = verifiedClaims(token);
            assertThat(text(claims, "sub")).isEqualTo("jefe-centro");
            assertThat(text(claims, "institution")).isEqualTo(DEMO);
            assertThat(strings(claims, "roles")).containsExactly("center-manager");
            assertThat(claims.get("centers").isArray()).isTrue();
            assertThat(strings(claims, "centers")).containsExactlyInAnyOrder(DEMO + ".C01", DEMO + ".C02");
        }
        assertThat(strings(verifiedClaims(response.accessToken()), "aud")).contains("ppi");
    }

    @Test
    void platformAdminHasNoInstitution() {
        JsonNode claims = verifiedClaims(keycloak.passwordGrant("admin", "demo").accessToken());
        assertThat(text(claims, "sub")).isEqualTo("admin");
        assertThat(claims.has("institution")).as("institution of the platform admin").isFalse();
        assertThat(claims.has("centers")).isFalse();
        assertThat(strings(claims, "roles")).containsExactly("platform-admin");
        assertThat(strings(claims, "aud")).contains("ppi");
    }

    @Test
    void everyDemoUserHasExactlyHisContractRole() {
        Map<String, String> expected = Map.of("admin", "platform-admin", "directora", "institution-admin",
                "encuestador", "surveyor", "jefe-centro", "center-manager", "autoridad", "authority",
                "auditora", "auditor", "analista", "analyst");
        Map<String, List<String>> actual = new HashMap<>();
        expected.keySet().forEach(user -> actual.put(user,
                strings(verifiedClaims(keycloak.passwordGrant(user, "demo").accessToken()), "roles")));
        expected.forEach((user, role) -> assertThat(actual.get(user)).as(user).containsExactly(role));
    }

    @Test
    void realmRolesAreTheContractSetPlusKeycloaksBuiltIns() throws Exception {
        String adminToken = adminToken();
        HttpResponse<String> roles = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.endpoints().baseUri() + "/admin/realms/ppi/roles"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(roles.statusCode()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        KeycloakServer.Json.MAPPER.readTree(roles.body()).forEach(r -> names.add(r.get("name").asString()));
        // Keycloak always creates these three; no demo user has them and the clients' role scope leaves them out.
        Set<String> builtIn = Set.of("default-roles-ppi", "offline_access", "uma_authorization");
        assertThat(names).containsAll(CONTRACT_ROLES);
        names.removeAll(CONTRACT_ROLES);
        assertThat(names).isEqualTo(builtIn);
    }

    @Test
    void wrongPasswordAndGatewayPasswordGrantAreRefused() {
        KeycloakServer.TokenResponse wrong = keycloak.passwordGrant("analista", "not-demo");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant").contains("Invalid user credentials");

        KeycloakServer.TokenResponse gateway = keycloak.token(KeycloakServer.GATEWAY_CLIENT, KeycloakServer.GATEWAY_SECRET,
                Map.of("grant_type", "password", "username", "analista", "password", "demo"));
        assertThat(gateway.status()).isEqualTo(400);
        assertThat(gateway.body()).contains("unauthorized_client");
    }

    @Test
    void aTamperedTokenFailsTheSignatureCheck() {
        String token = keycloak.passwordGrant("analista", "demo").accessToken();
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).replace("\"analyst\"", "\"platform-admin\"").getBytes(StandardCharsets.UTF_8));
        assertThat(signatureValid(parts[0] + "." + parts[1] + "." + parts[2])).isTrue();
        assertThat(signatureValid(parts[0] + "." + forged + "." + parts[2])).isFalse();
    }

    @Test
    void backChannelDiscoveryKeepsThePublicIssuer() throws Exception {
        // As docker-compose.yml runs it: a container asks keycloak:8080, the browser uses the public host.
        // Here 127.0.0.1 plays the internal name and localhost the public one.
        URI internal = URI.create("http://127.0.0.1:" + keycloak.endpoints().httpPort() + "/realms/ppi/.well-known/openid-configuration");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(internal).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode discovery = KeycloakServer.Json.MAPPER.readTree(response.body());
        String internalBase = "http://127.0.0.1:" + keycloak.endpoints().httpPort() + "/realms/ppi/";
        assertThat(text(discovery, "issuer")).isEqualTo(keycloak.issuerUri().toString());
        assertThat(text(discovery, "authorization_endpoint")).startsWith(keycloak.issuerUri() + "/");
        assertThat(text(discovery, "token_endpoint")).startsWith(internalBase);
        assertThat(text(discovery, "jwks_uri")).startsWith(internalBase);
        assertThat(text(discovery, "userinfo_endpoint")).startsWith(internalBase);
        // Browser-facing endpoints stay public: the gateway sends browsers there (and to log out).
        assertThat(text(discovery, "end_session_endpoint")).startsWith(keycloak.issuerUri() + "/");

        // A token fetched through the internal name is still issued by the public issuer.
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(text(discovery, "token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ppi-cli:ppi-cli".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=analista&password=demo"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode claims = verifiedClaims(KeycloakServer.Json.MAPPER.readTree(token.body()).get("access_token").asString());
        assertThat(text(claims, "iss")).isEqualTo(keycloak.issuerUri().toString());
    }

    @Test
    void gatewayBrowserLoginWithAuthorizationCodeAndPkce() throws Exception {
        long begin = System.nanoTime();
        Browser browser = new Browser();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String nonce = randomUrlSafe(16);

        // 1. The gateway redirects the browser to the authorization endpoint; Keycloak answers its login page.
        HttpResponse<String> loginPage = browser.get(authorizationRequest(TEST_REDIRECT, state, nonce, challenge(verifier)));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String action = loginFormAction(loginPage.body());
        assertThat(action).startsWith(keycloak.issuerUri() + "/login-actions/authenticate");

        // 2. The user submits the form (with the session cookies Keycloak set).
        HttpResponse<String> afterLogin = browser.post(URI.create(action),
                Map.of("username", "directora", "password", "demo", "credentialId", ""));
        assertThat(afterLogin.statusCode()).as(afterLogin.body()).isEqualTo(302);
        URI callback = URI.create(afterLogin.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath()).isEqualTo(TEST_REDIRECT);
        Map<String, String> query = query(callback);
        assertThat(query.get("state")).isEqualTo(state);
        assertThat(query.get("iss")).isEqualTo(keycloak.issuerUri().toString());
        assertThat(query).containsKey("code");

        // 3. The gateway redeems the code with its secret and the PKCE verifier; a wrong verifier is refused.
        KeycloakServer.TokenResponse wrongVerifier = redeem(query.get("code"), TEST_REDIRECT, randomUrlSafe(48));
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("invalid_grant");
        // (a refused redemption burns the code, as OAuth requires: log in again, with the SSO cookie this time)
        HttpResponse<String> again = browser.get(authorizationRequest(TEST_REDIRECT, state, nonce, challenge(verifier)));
        assertThat(again.statusCode()).as("SSO session: straight back to the gateway").isEqualTo(302);
        Map<String, String> query2 = query(URI.create(again.headers().firstValue("Location").orElseThrow()));
        KeycloakServer.TokenResponse tokens = redeem(query2.get("code"), TEST_REDIRECT, verifier);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);

        JsonNode access = verifiedClaims(tokens.accessToken());
        assertThat(text(access, "sub")).isEqualTo("directora");
        assertThat(text(access, "institution")).isEqualTo(DEMO);
        assertThat(strings(access, "roles")).containsExactly("institution-admin");
        assertThat(strings(access, "aud")).contains("ppi");
        assertThat(text(access, "azp")).isEqualTo("ppi-gateway");
        JsonNode id = verifiedClaims(tokens.idToken());
        assertThat(text(id, "nonce")).isEqualTo(nonce);
        assertThat(strings(id, "aud")).containsExactly("ppi-gateway");
        assertThat(text(id, "sub")).isEqualTo("directora");
        assertThat(text(id, "name")).isEqualTo("Diana Directora");
        assertThat(tokens.refreshToken()).isNotBlank();

        // Spring's OIDC login compares userinfo's sub with the ID token's: they must agree.
        HttpResponse<String> userInfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        keycloak.endpoints().userInfoEndpoint()).header("Authorization", "Bearer " + tokens.accessToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        JsonNode info = KeycloakServer.Json.MAPPER.readTree(userInfo.body());
        assertThat(text(info, "sub")).isEqualTo("directora");
        assertThat(text(info, "institution")).isEqualTo(DEMO);

        // The refresh token gives a new access token with the same claims.
        KeycloakServer.TokenResponse refreshed = keycloak.token(KeycloakServer.GATEWAY_CLIENT, KeycloakServer.GATEWAY_SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
        JsonNode refreshedClaims = verifiedClaims(refreshed.accessToken());
        assertThat(text(refreshedClaims, "sub")).isEqualTo("directora");
        assertThat(strings(refreshedClaims, "roles")).containsExactly("institution-admin");
        measured.put("codeFlowMillis", (System.nanoTime() - begin) / 1_000_000);
    }

    @Test
    void gatewayRequiresPkceAndARegisteredRedirect() throws Exception {
        Browser browser = new Browser();
        // No code_challenge: Keycloak sends the browser back with an error, no login page.
        URI noPkce = URI.create(keycloak.endpoints().authorizationEndpoint() + "?" + KeycloakServer.form(ordered(
                "response_type", "code", "client_id", "ppi-gateway", "redirect_uri", TEST_REDIRECT,
                "scope", "openid profile", "state", "s1")));
        HttpResponse<String> refused = browser.get(noPkce);
        assertThat(refused.statusCode()).isEqualTo(302);
        Map<String, String> error = query(URI.create(refused.headers().firstValue("Location").orElseThrow()));
        assertThat(error.get("error")).isEqualTo("invalid_request");
        assertThat(error.get("error_description")).contains("code_challenge_method");

        // The default redirect is registered; an unknown one gets an error page, never a redirect.
        HttpResponse<String> defaultRedirect = browser.get(authorizationRequest(
                "http://localhost:8080/login/oauth2/code/ppi", "s2", "n2", challenge(randomUrlSafe(48))));
        assertThat(defaultRedirect.statusCode()).isEqualTo(200);
        assertThat(defaultRedirect.body()).contains("kc-form-login");
        HttpResponse<String> unknown = browser.get(authorizationRequest(
                "http://evil.example/login/oauth2/code/ppi", "s3", "n3", challenge(randomUrlSafe(48))));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("redirect_uri");
    }

    // ---------------------------------------------------------------------------------------------------------

    private URI authorizationRequest(String redirect, String state, String nonce, String challenge) {
        return URI.create(keycloak.endpoints().authorizationEndpoint() + "?" + KeycloakServer.form(ordered(
                "response_type", "code", "client_id", "ppi-gateway", "redirect_uri", redirect,
                "scope", "openid profile", "state", state, "nonce", nonce,
                "code_challenge", challenge, "code_challenge_method", "S256")));
    }

    private KeycloakServer.TokenResponse redeem(String code, String redirect, String verifier) {
        return keycloak.token(KeycloakServer.GATEWAY_CLIENT, KeycloakServer.GATEWAY_SECRET, ordered(
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirect, "code_verifier", verifier));
    }

    private String adminToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        keycloak.endpoints().baseUri() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(ordered("grant_type", "password",
                        "client_id", "admin-cli", "username", KeycloakServer.ADMIN_USER,
                        "password", KeycloakServer.ADMIN_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return KeycloakServer.Json.MAPPER.readTree(response.body()).get("access_token").asString();
    }

    /** The claims of a JWT whose RS256 signature verifies with a key of the realm's JWKS (else the test fails). */
    private JsonNode verifiedClaims(String jwt) {
        assertThat(jwt).as("token").isNotBlank();
        assertThat(signatureValid(jwt)).as("signature of " + jwt).isTrue();
        return KeycloakServer.Json.MAPPER.readTree(decode(jwt.split("\\.")[1]));
    }

    private List<JsonNode> jwks;

    private boolean signatureValid(String jwt) {
        String[] parts = jwt.split("\\.");
        JsonNode header = KeycloakServer.Json.MAPPER.readTree(decode(parts[0]));
        assertThat(text(header, "alg")).isEqualTo("RS256");
        if (jwks == null) {
            jwks = new ArrayList<>();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(keycloak.endpoints().jwksUri()).build(), HttpResponse.BodyHandlers.ofString());
                KeycloakServer.Json.MAPPER.readTree(response.body()).get("keys").forEach(jwks::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        JsonNode key = jwks.stream().filter(k -> text(k, "kid").equals(text(header, "kid"))).findFirst()
                .orElseThrow(() -> new AssertionError("kid " + text(header, "kid") + " not in the realm's JWKS"));
        assertThat(text(key, "kty")).isEqualTo("RSA");
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, Base64.getUrlDecoder().decode(text(key, "n"))),
                    new BigInteger(1, Base64.getUrlDecoder().decode(text(key, "e")))));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(publicKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("claim " + field + " in " + node).isNotNull();
        return value.asString();
    }

    /** A claim that is a string or an array of strings (like aud), as a list. */
    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("claim " + field + " in " + node).isNotNull();
        List<String> list = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> list.add(v.asString()));
        } else {
            list.add(value.asString());
        }
        return list;
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Cookies kept, redirects not followed: each step of the login is seen and checked. Keycloak marks its cookies
     * {@code Secure}; browsers keep them on http://localhost (a trustworthy origin) but java.net.CookieManager does
     * not, so this jar keeps them by name for the one host it talks to.
     */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(URI uri) throws Exception {
            return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(form))));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }
}
