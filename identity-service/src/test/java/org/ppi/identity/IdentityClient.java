package org.ppi.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running identity provider over real HTTP (java.net.http), with its own cookies (one browser). */
final class IdentityClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final URI base;
    final HttpClient http;

    IdentityClient(int port) {
        this.base = URI.create("http://localhost:" + port);
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    HttpResponse<String> get(String pathOrUri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathOrUri)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String basicUser, String basicPassword)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request with a bearer token (null: none), e.g. to the user administration API. */
    HttpResponse<String> send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept-Language", "es")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The access token of a user, by the password grant of the local client. */
    String token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = passwordGrant("ppi-cli", "ppi-cli", username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return (String) json(response.body()).get("access_token");
    }

    /** The curl of the contract: {@code curl -u ppi-cli:ppi-cli -d grant_type=password -d username=… -d password=…}. */
    HttpResponse<String> passwordGrant(String client, String secret, String username, String password)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        return postForm("/oauth2/token", form, client, secret);
    }

    /** Verifies the token's RS256 signature against the provider's JWKS (fetched over HTTP) and returns its claims. */
    Map<String, Object> verifiedClaims(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!"RS256".equals(jwt.getHeader().getAlgorithm().getName())) {
            throw new AssertionError("not RS256: " + jwt.getHeader().getAlgorithm());
        }
        if (!verifies(jwt)) {
            throw new AssertionError("signature does not verify against the JWKS");
        }
        return jwt.getJWTClaimsSet().getClaims();
    }

    boolean verifies(SignedJWT jwt) throws IOException, InterruptedException, ParseException, JOSEException {
        JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> jsonList(String body) {
        return JSON.readValue(body, new tools.jackson.core.type.TypeReference<List<Object>>() {
        });
    }

    static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
