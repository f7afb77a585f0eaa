package org.ppi.launcher.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import java.util.Map;

import org.ppi.launcher.identity.TokenSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the platform only through the gateway, as one user: with that user's bearer token from the identity
 * provider (null: no token at all), plus any extra headers a test adds (e.g. forged identity headers).
 */
final class GatewayClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final TokenSource tokens;
    private final Map<String, String> headers;

    GatewayClient(URI gateway, TokenSource tokens) {
        this(gateway, tokens, Map.of());
    }

    private GatewayClient(URI gateway, TokenSource tokens, Map<String, String> headers) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.headers = headers;
    }

    /** The same user sending these headers too on every request. */
    GatewayClient with(Map<String, String> extra) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(extra);
        return new GatewayClient(gateway, tokens, all);
    }

    /** The status, the body as JSON (missing when it is not JSON, e.g. a CSV) and as text. */
    record Answer(int status, JsonNode body, String text) {
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    /**
     * Every event of a figure's lineage, page after page (a lineage answers a page at a time, oldest first, with its
     * total): the pages' events in one array.
     */
    JsonNode lineageEvents(String path) {
        tools.jackson.databind.node.ArrayNode all = JSON.createArrayNode();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode answer = get(path + separator + "size=1000&page=" + page);
            answer.path("events").forEach(all::add);
            if (page + 1 >= answer.path("totalPages").asInt()) {
                return all;
            }
        }
    }

    JsonNode get(String path) {
        Answer answer = send("GET", path, null);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " → " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    Answer send(String method, String path, Object body) {
        return body == null ? send(method, path, null, HttpRequest.BodyPublishers.noBody())
                : send(method, path, "application/json", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    /** A body that is not JSON (a CSV or XLSX upload), sent as it is. */
    Answer upload(String path, String contentType, byte[] body) {
        return send("POST", path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept-Language", "es");
            if (tokens != null) {
                request.header("Authorization", "Bearer " + tokens.token());
            }
            headers.forEach(request::header);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = text.isBlank() || !isJson ? JSON.missingNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), json, text);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** A download's bytes (a CSV or XLSX export) in this language; anything but 200 fails. */
    byte[] download(String path, String language) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept-Language", language).GET();
            if (tokens != null) {
                request.header("Authorization", "Bearer " + tokens.token());
            }
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " → " + response.statusCode() + " " + new String(response.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    /** Sends a command until the services that learn from the topics know what it refers to. */
    Answer command(String method, String path, Object body) {
        Instant deadline = Instant.now().plusSeconds(60);
        Answer answer = send(method, path, body);
        while ((answer.status() == 404 || answer.status() == 422) && Instant.now().isBefore(deadline)
                && answer.body().path("code").asString("").matches(".*(not-found|unknown)$")) {
            pause(200);
            answer = send(method, path, body);
        }
        if (answer.status() >= 300) {
            throw new AssertionError(method + " " + path + " → " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = send("GET", path, null);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            pause(250);
        }
        throw new AssertionError("Timed out waiting on " + path + "; last answer: " + (last == null ? null : last.status() + " " + last.body()));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
