package org.ppi.launcher.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the platform only through the gateway, as one user of one institution. */
final class GatewayClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final String institution;
    private final String user;

    GatewayClient(URI gateway, String institution, String user) {
        this.gateway = gateway;
        this.institution = institution;
        this.user = user;
    }

    record Answer(int status, JsonNode body) {
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    JsonNode get(String path) {
        Answer answer = send("GET", path, null);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " → " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("X-Institution-Id", institution).header("X-User-Id", user).header("Accept-Language", "es");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
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
