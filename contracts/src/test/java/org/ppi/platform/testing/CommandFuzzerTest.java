package org.ppi.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;
import org.ppi.platform.testing.CommandFuzzer.Case;
import org.ppi.platform.testing.CommandFuzzer.InputClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fuzzer's own checks: every input class is generated from a schema, and a bad answer is a failure. */
class CommandFuzzerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode DOC = JSON.readTree("""
            {"paths": {
               "/api/survey/employees": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Register"}}}}}},
               "/api/survey/centers/{id}/close": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"reason": {"type": "string"}}}}}}}},
               "/api/survey/employees/{id}": {"get": {}},
               "/api/survey/interviews/{id}/workbook": {"post": {"requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}}}}
             },
             "components": {"schemas": {"Register": {"type": "object", "properties": {
               "id": {"type": "string"}, "centerId": {"type": "string"}, "name": {"type": "string"},
               "annualCost": {"type": "number"}, "contractedHours": {"type": "number"}, "expectedVersion": {"type": "integer"}}}}}}
            """);

    @Test
    void everyInputClassIsDrawnFromTheSchemaAndTheSeedReproducesThem() {
        CommandFuzzer fuzzer = new CommandFuzzer(DOC, Map.of("center", "c1", "employee", "e1"), Map.of("center", "otro-c1"), 7, 50);
        List<Case> cases = fuzzer.cases();
        assertThat(cases).extracting(Case::inputClass).contains(InputClass.values());
        assertThat(cases).as("reads and uploads are not fuzzed here").noneMatch(c -> c.path().contains("workbook") || c.method().equals("GET"));
        Case base = cases.stream().filter(c -> c.inputClass() == InputClass.VALID_BASELINE && c.path().equals("/api/survey/employees"))
                .findFirst().orElseThrow();
        JsonNode body = JSON.readTree(base.body());
        assertThat(body.path("centerId").asString()).as("a known id where the field names an entity").isEqualTo("c1");
        assertThat(body.has("expectedVersion")).isFalse();
        assertThat(cases).anyMatch(c -> c.inputClass() == InputClass.UNKNOWN_OR_FOREIGN_ID && c.body() != null
                && c.body().contains("\"centerId\":\"otro-c1\""));
        assertThat(cases).anyMatch(c -> c.path().equals("/api/survey/centers/otro-c1/close"));
        assertThat(cases).anyMatch(c -> c.inputClass() == InputClass.ABSURD_NUMBER && c.body().contains("\"annualCost\":NaN"));
        assertThat(cases).anyMatch(c -> c.inputClass() == InputClass.OVERSIZED_BODY && c.body().length() > 512 * 1024);
        assertThat(new CommandFuzzer(DOC, Map.of("center", "c1"), Map.of(), 7, 50).cases()).as("same seed, same cases")
                .isEqualTo(new CommandFuzzer(DOC, Map.of("center", "c1"), Map.of(), 7, 50).cases());
    }

    @Test
    void aServerErrorARefusalThatWritesAndOneWithoutTheErrorFormatAreFailures() throws Exception {
        List<Case> cases = List.of(
                new Case(InputClass.WRONG_TYPE, "POST", "/a", "ok refusal", "application/json", "{}"),
                new Case(InputClass.WRONG_TYPE, "POST", "/b", "500", "application/json", "{}"),
                new Case(InputClass.WRONG_TYPE, "POST", "/c", "writes", "application/json", "{}"),
                new Case(InputClass.WRONG_TYPE, "POST", "/d", "no code", "application/json", "{}"),
                new Case(InputClass.VALID_BASELINE, "POST", "/e", "accepted", "application/json", "{}"));
        AtomicLong events = new AtomicLong();
        CommandFuzzer.Report report = CommandFuzzer.run(1, cases, (method, path, type, body) -> switch (path) {
            case "/a" -> answer(400, "{\"code\":\"x.bad\",\"message\":\"Mal\"}");
            case "/b" -> answer(500, "{\"code\":\"internal\",\"message\":\"Error\"}");
            case "/c" -> {
                events.incrementAndGet();
                yield answer(422, "{\"code\":\"x.bad\",\"message\":\"Mal\"}");
            }
            case "/d" -> answer(400, "<html>Bad Request</html>");
            default -> {
                events.incrementAndGet();
                yield answer(201, "{}");
            }
        }, events::get);
        assertThat(report.failures()).extracting(o -> o.input().path()).containsExactly("/b", "/c", "/d");
        assertThat(report.table()).contains("tipo erróneo").contains("cuerpo válido");
    }

    private static HttpResponse<String> answer(int status, String body) {
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return null; }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return HttpHeaders.of(Map.of(), (a, b) -> true); }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public java.net.URI uri() { return java.net.URI.create("http://localhost"); }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
