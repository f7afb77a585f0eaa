package org.ppi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.identity.IdentityClient.json;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The provider over real HTTP on a random port, with the demo users of application.yml. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderTest {
    static final String GATEWAY_URL = "http://gateway.test:8181";
    static final String REDIRECT_URI = GATEWAY_URL + "/login/oauth2/code/ppi";
    /** What SAS writes in every JWT access token, besides the platform's claims. */
    static final Set<String> REGISTERED_CLAIMS = Set.of("sub", "aud", "iss", "iat", "nbf", "exp", "jti");

    @LocalServerPort
    int port;
    IdentityClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String keys = Files.createTempDirectory("ppi-identity-test").toString();
        registry.add("ppi.identity.key-directory", () -> keys);
        registry.add("ppi.identity.gateway.url", () -> GATEWAY_URL);
        // Blank: the issuer follows the request, i.e. http://localhost:<random port>.
        registry.add("ppi.identity.issuer", () -> "");
    }

    @BeforeEach
    void client() {
        client = new IdentityClient(port);
    }

    String issuer() {
        return "http://localhost:" + port;
    }

    @Test
    void discoveryDocumentNamesTheIssuerAndItsEndpoints() throws Exception {
        HttpResponse<String> response = client.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> discovery = json(response.body());
        assertThat(discovery.get("issuer")).isEqualTo(issuer());
        assertThat(discovery.get("jwks_uri")).isEqualTo(issuer() + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint")).isEqualTo(issuer() + "/oauth2/token");
        assertThat(discovery.get("authorization_endpoint")).isEqualTo(issuer() + "/oauth2/authorize");
        assertThat(list(discovery.get("id_token_signing_alg_values_supported"))).containsExactly("RS256");
        assertThat(list(discovery.get("code_challenge_methods_supported"))).contains("S256");
    }

    @Test
    void jwksServesOnePublicRsaSigningKeyAndNoPrivatePart() throws Exception {
        HttpResponse<String> response = client.get("/oauth2/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        List<?> keys = (List<?>) json(response.body()).get("keys");
        assertThat(keys).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) keys.get(0);
        assertThat(key.get("kty")).isEqualTo("RSA");
        assertThat(key.get("alg")).isEqualTo("RS256");
        assertThat(key.get("use")).isEqualTo("sig");
        assertThat((String) key.get("kid")).isNotBlank();
        assertThat(key.keySet()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void passwordGrantForAnalistaGivesASignedJwtWithExactlyTheContractsClaims() throws Exception {
        HttpResponse<String> response = client.passwordGrant("ppi-cli", "ppi-cli", "analista", "demo");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = json(response.body());
        assertThat(body.get("token_type")).isEqualTo("Bearer");
        assertThat(body).doesNotContainKey("refresh_token");
        Map<String, Object> claims = client.verifiedClaims((String) body.get("access_token"));

        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(
                union(REGISTERED_CLAIMS, Set.of("institution", "roles", "name")));
        assertThat(claims.get("sub")).isEqualTo("analista");
        assertThat(claims.get("iss")).isEqualTo(issuer());
        assertThat(claims.get("institution")).isEqualTo("demo-defensoria");
        assertThat(claims.get("roles")).isEqualTo(List.of("analyst"));
        assertThat(claims.get("name")).isEqualTo("Analista");
        assertThat(list(claims.get("aud"))).contains("ppi");
        assertThat(((Date) claims.get("exp")).toInstant()).isAfter(Instant.now());
    }

    @Test
    void aTamperedTokenDoesNotVerify() throws Exception {
        String token = (String) json(client.passwordGrant("ppi-cli", "ppi-cli", "analista", "demo").body()).get("access_token");
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("analyst", "auditor").getBytes(StandardCharsets.UTF_8));

        assertThat(client.verifies(SignedJWT.parse(parts[0] + "." + forged + "." + parts[2]))).isFalse();
    }

    @Test
    void platformAdminHasNoInstitutionClaim() throws Exception {
        Map<String, Object> claims = client.verifiedClaims(accessToken("admin"));

        assertThat(claims).doesNotContainKey("institution");
        assertThat(claims.get("sub")).isEqualTo("admin");
        assertThat(claims.get("roles")).isEqualTo(List.of("platform-admin"));
        assertThat(list(claims.get("aud"))).contains("ppi");
    }

    @Test
    void centerManagerCarriesItsCenters() throws Exception {
        Map<String, Object> claims = client.verifiedClaims(accessToken("jefe-centro"));

        assertThat(claims.get("roles")).isEqualTo(List.of("center-manager"));
        assertThat(claims.get("institution")).isEqualTo("demo-defensoria");
        assertThat(claims.get("centers")).isEqualTo(List.of("demo-defensoria.C01", "demo-defensoria.C02"));
    }

    @Test
    void wrongPasswordOrUnknownUserIsInvalidGrant() throws Exception {
        for (String[] attempt : new String[][] {{"analista", "nope"}, {"nadie", "demo"}}) {
            HttpResponse<String> response = client.passwordGrant("ppi-cli", "ppi-cli", attempt[0], attempt[1]);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).get("error")).isEqualTo("invalid_grant");
        }
    }

    @Test
    void wrongClientSecretIsUnauthorizedInOAuth2Format() throws Exception {
        HttpResponse<String> response = client.passwordGrant("ppi-cli", "wrong", "analista", "demo");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error")).isEqualTo("invalid_client");
    }

    @Test
    void missingPasswordIsInvalidRequest() throws Exception {
        HttpResponse<String> response = client.postForm("/oauth2/token",
                Map.of("grant_type", "password", "username", "analista"), "ppi-cli", "ppi-cli");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error")).isEqualTo("invalid_request");
    }

    @Test
    void theGatewayClientMayNotUseThePasswordGrant() throws Exception {
        HttpResponse<String> response = client.passwordGrant("ppi-gateway", "ppi-gateway-secret", "analista", "demo");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error")).isEqualTo("unauthorized_client");
    }

    @Test
    void authorizationCodeWithPkceThroughTheLoginFormGivesTheSameClaims() throws Exception {
        String verifier = randomUrlSafe(48);
        String code = signInAndAuthorize("analista", "demo", challenge(verifier), "n-0451");

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> response = client.postForm("/oauth2/token", exchange, "ppi-gateway", "ppi-gateway-secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> tokens = json(response.body());
        Map<String, Object> access = client.verifiedClaims((String) tokens.get("access_token"));
        assertThat(access.keySet()).containsExactlyInAnyOrderElementsOf(
                union(REGISTERED_CLAIMS, Set.of("institution", "roles", "name", "scope")));
        assertThat(access.get("sub")).isEqualTo("analista");
        assertThat(access.get("iss")).isEqualTo(issuer());
        assertThat(access.get("institution")).isEqualTo("demo-defensoria");
        assertThat(access.get("roles")).isEqualTo(List.of("analyst"));
        assertThat(access.get("name")).isEqualTo("Analista");
        assertThat(list(access.get("aud"))).containsExactlyInAnyOrder("ppi-gateway", "ppi");

        Map<String, Object> id = client.verifiedClaims((String) tokens.get("id_token"));
        assertThat(id.get("sub")).isEqualTo("analista");
        assertThat(id.get("nonce")).isEqualTo("n-0451");
        assertThat(list(id.get("aud"))).containsExactly("ppi-gateway");
        assertThat(id.get("institution")).isEqualTo("demo-defensoria");
        assertThat(id.get("roles")).isEqualTo(List.of("analyst"));
        assertThat(id.get("name")).isEqualTo("Analista");

        // The gateway renews its session's token with the refresh token: same claims again.
        HttpResponse<String> refreshed = client.postForm("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", (String) tokens.get("refresh_token")), "ppi-gateway", "ppi-gateway-secret");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> renewed = client.verifiedClaims((String) json(refreshed.body()).get("access_token"));
        assertThat(renewed.get("sub")).isEqualTo("analista");
        assertThat(renewed.get("roles")).isEqualTo(List.of("analyst"));
        assertThat(renewed.get("institution")).isEqualTo("demo-defensoria");
        assertThat(list(renewed.get("aud"))).contains("ppi");
    }

    @Test
    void theCodeIsOnlyExchangedWithItsVerifier() throws Exception {
        String code = signInAndAuthorize("autoridad", "demo", challenge(randomUrlSafe(48)), "n-1");

        HttpResponse<String> response = client.postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", randomUrlSafe(48)), "ppi-gateway", "ppi-gateway-secret");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error")).isEqualTo("invalid_grant");
    }

    @Test
    void authorizeWithoutPkceIsRefused() throws Exception {
        signInAndAuthorize("analista", "demo", challenge(randomUrlSafe(48)), "n-2"); // a signed-in session

        HttpResponse<String> response = client.get("/oauth2/authorize?" + IdentityClient.encode(Map.of("response_type", "code",
                "client_id", "ppi-gateway", "scope", "openid profile", "redirect_uri", REDIRECT_URI, "state", "s-2")),
                "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI + "?").contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void loginPageIsSpanishUnlessEnglishIsAsked() throws Exception {
        HttpResponse<String> spanish = client.get("/login");
        HttpResponse<String> english = client.get("/login", "Accept-Language", "en");

        assertThat(spanish.statusCode()).isEqualTo(200);
        assertThat(spanish.body()).contains("<html lang=\"es\">", "Iniciar sesión", "Contraseña", "name=\"_csrf\"");
        assertThat(english.body()).contains("<html lang=\"en\">", "Sign in", "Password").doesNotContain("Contraseña");
    }

    @Test
    void aWrongPasswordOnTheFormGoesBackToTheFormWithAnError() throws Exception {
        HttpResponse<String> response = client.postForm("/login",
                Map.of("username", "analista", "password", "nope", "_csrf", csrf(client.get("/login").body())), null, null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(client.get("/login?error").body()).contains("Usuario o contraseña incorrectos.");
    }

    @Test
    void otherRequestsWithoutSessionAre401InThePlatformFormat() throws Exception {
        HttpResponse<String> spanish = client.get("/anything");
        HttpResponse<String> english = client.get("/anything", "Accept-Language", "en");

        assertThat(spanish.statusCode()).isEqualTo(401);
        Map<String, Object> error = json(spanish.body());
        assertThat(error.get("status")).isEqualTo(401);
        assertThat(error.get("code")).isEqualTo("auth.unauthenticated");
        assertThat((String) error.get("message")).startsWith("Debe iniciar sesión");
        assertThat((String) json(english.body()).get("message")).startsWith("You must sign in");
    }

    @Test
    void healthIsUpWithoutSignIn() throws Exception {
        HttpResponse<String> response = client.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("status")).isEqualTo("UP");
    }

    /**
     * The browser's part of the login, as the gateway would send it: authorize (no session: to the form), the
     * form with its CSRF token and the session cookie, back to authorize, and the redirect with the code.
     */
    private String signInAndAuthorize(String username, String password, String challenge, String nonce) throws Exception {
        String state = randomUrlSafe(12);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", "ppi-gateway");
        authorize.put("scope", "openid profile");
        authorize.put("redirect_uri", REDIRECT_URI);
        authorize.put("state", state);
        authorize.put("nonce", nonce);
        authorize.put("code_challenge", challenge);
        authorize.put("code_challenge_method", "S256");
        HttpResponse<String> first = client.get("/oauth2/authorize?" + IdentityClient.encode(authorize), "Accept", "text/html");
        String next = first.headers().firstValue("Location").orElse("");
        if (!next.endsWith("/login")) {
            // Already signed in (an earlier call in this test): the code comes at once.
            return codeFrom(first, state);
        }
        assertThat(first.statusCode()).isEqualTo(302);

        HttpResponse<String> form = client.get(next, "Accept", "text/html");
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> login = client.postForm("/login",
                Map.of("username", username, "password", password, "_csrf", csrf(form.body())), null, null);
        assertThat(login.statusCode()).isEqualTo(302);
        String saved = login.headers().firstValue("Location").orElseThrow();
        assertThat(saved).contains("/oauth2/authorize");

        return codeFrom(client.get(saved, "Accept", "text/html"), state);
    }

    private static String codeFrom(HttpResponse<String> response, String state) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT_URI + "?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query.get("state")).isEqualTo(state);
        assertThat(query.get("code")).isNotBlank();
        return query.get("code");
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF token in the form").isTrue();
        return m.group(1);
    }

    private String accessToken(String username) throws Exception {
        HttpResponse<String> response = client.passwordGrant("ppi-cli", "ppi-cli", username, "demo");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) json(response.body()).get("access_token");
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
