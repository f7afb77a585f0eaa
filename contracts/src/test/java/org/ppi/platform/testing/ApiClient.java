package org.ppi.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service under test over real HTTP the way the gateway does: {@code Authorization: Bearer <token>} with a
 * token signed by {@link TestTokens} for the tenant (claim institution) and user (sub), plus the X-Institution-Id /
 * X-User-Id headers set from the same values, and Accept-Language. The token's roles are every institution role
 * unless {@link Request#roles} says otherwise; {@link Request#token} sends a given token and {@link Request#noToken}
 * none. A body is written as JSON (with its Content-Type); no body sends none. A header left null is not sent, and
 * the answer (status, headers, body) comes back as it is.
 */
public final class ApiClient {
    private final String base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    public ApiClient(int port, JsonMapper json) {
        this.base = "http://localhost:" + port;
        this.json = json;
    }

    /** A call with a JSON body (or none), as this tenant and user, in this language. */
    public HttpResponse<String> send(String method, String path, Object body, String tenant, String user,
                                     String language) throws IOException, InterruptedException {
        return request(method, path).tenant(tenant).user(user).language(language).body(body).send();
    }

    /** A call to set up header by header. */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public final class Request {
        private final String method;
        private final String path;
        private String tenant;
        private String user;
        private String language;
        private Object body;
        private String rawBody;
        private String rawContentType;
        private Duration timeout;
        private java.util.List<String> roles = TestTokens.INSTITUTION_ROLES;
        private java.util.List<String> centers = java.util.List.of();
        private String token;
        private boolean noToken;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        public Request user(String user) {
            this.user = user;
            return this;
        }

        public Request language(String language) {
            this.language = language;
            return this;
        }

        public Request body(Object body) {
            this.body = body;
            return this;
        }

        /** A body sent exactly as given (malformed JSON, NaN tokens, another content type), not written as JSON. */
        public Request raw(String contentType, String body) {
            this.rawContentType = contentType;
            this.rawBody = body;
            return this;
        }

        /** The roles of the token built for this call (default: every institution role). */
        public Request roles(String... roles) {
            this.roles = java.util.List.of(roles);
            return this;
        }

        /** The centers claim of the token built for this call (a center manager's centers). */
        public Request centers(String... centers) {
            this.centers = java.util.List.of(centers);
            return this;
        }

        /** Sends exactly this token (expired, forged, other issuer...) instead of building one. */
        public Request token(String token) {
            this.token = token;
            return this;
        }

        /** Sends no Authorization header at all. */
        public Request noToken() {
            this.noToken = true;
            return this;
        }

        public Request timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public HttpResponse<String> send() throws IOException, InterruptedException {
            return http.send(build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The answer's bytes (a spreadsheet download). */
        public HttpResponse<byte[]> sendForBytes() throws IOException, InterruptedException {
            return http.send(build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpRequest build() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            header(request, "Accept-Language", language);
            if (!noToken) {
                String bearer = token != null ? token : TestTokens.builder().institution(tenant)
                        .user(user == null ? "tester" : user).roles(roles).centers(centers).sign();
                request.header("Authorization", "Bearer " + bearer);
            }
            header(request, "X-Institution-Id", tenant);
            header(request, "X-User-Id", user);
            if (timeout != null) {
                request.timeout(timeout);
            }
            if (rawBody != null) {
                header(request, "Content-Type", rawContentType);
                request.method(method, HttpRequest.BodyPublishers.ofString(rawBody));
            } else if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            return request.build();
        }

        private static void header(HttpRequest.Builder request, String name, String value) {
            if (value != null) {
                request.header(name, value);
            }
        }
    }
}
