package org.ppi.platform.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes every command endpoint a service documents in its OpenAPI document (POST, PUT, PATCH, DELETE with a JSON
 * body or none): from each operation's request schema a valid body is built (known ids of the test's institution
 * where a field or path names an entity), then mutated class by class — a field missing, a wrong type, a huge
 * string, absurd numbers (negative, 1e308, NaN, Infinity, more decimals than a column keeps), unknown and another
 * institution's ids, unicode and injection strings, malformed and oversized bodies. Which fields are mutated and
 * the random texts are drawn from a seeded {@link Random}, so a failing case is reproduced by its seed (printed in
 * the report). (Not jqwik: its generators run only on its own engine's threads, not inside a Spring test context.)
 *
 * <p>{@link #run} sends each case and counts the service's events before and after: a case passes when the answer
 * is below 500, and a refusal (4xx) carries the platform's error {@code code} and {@code message} and wrote no
 * event. A mutated value that is still valid may be accepted (2xx): the fuzzer checks refusals, not acceptance.
 */
public final class CommandFuzzer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FOREIGN = "(de otra institución)";
    private static final List<String> COMMAND_METHODS = List.of("post", "put", "patch", "delete");
    /** Above the platform's request limit (512 KiB). */
    private static final int OVERSIZED_BYTES = 600 * 1024;
    private static final List<String> NASTY = List.of("'; DROP TABLE domain_event_entry; --", "<script>alert(1)</script>",
            "${jndi:ldap://example.invalid/a}", "../../../../etc/passwd", "\u0000nul", "‮gnp.exe", "🏛️📊 Institución 財政",
            "=HYPERLINK(\"http://x\")", "\t\r\n", " ", "%00%0d%0a", "Robert'); --", "\\u0000", "null", "{{7*7}}");

    public enum InputClass {
        VALID_BASELINE("cuerpo válido (referencia)"),
        MISSING_FIELD("campo faltante"),
        WRONG_TYPE("tipo erróneo"),
        HUGE_STRING("texto enorme (100 001 caracteres)"),
        ABSURD_NUMBER("número absurdo, NaN, Infinity, decimales"),
        UNKNOWN_OR_FOREIGN_ID("id desconocido o de otra institución"),
        UNICODE_AND_INJECTION("unicode e inyección"),
        MALFORMED_BODY("cuerpo malformado"),
        OVERSIZED_BODY("cuerpo de más de 512 KiB");

        public final String label;

        InputClass(String label) {
            this.label = label;
        }
    }

    /** One request to try: {@code body} null sends none. */
    public record Case(InputClass inputClass, String method, String path, String description, String contentType,
                       String body) {
    }

    public record Outcome(Case input, int status, String code, String message, long eventsWritten) {
        boolean serverError() {
            return status >= 500;
        }

        boolean refused() {
            return status >= 400 && status < 500;
        }

        /** A case that names another institution's entity (in the path or a reference field). */
        public boolean foreignId() {
            return input.inputClass() == InputClass.UNKNOWN_OR_FOREIGN_ID && input.description().contains(FOREIGN);
        }

        /** A refusal without the platform's error format, or one that still wrote events. */
        boolean badRefusal() {
            return refused() && (code == null || code.isBlank() || message == null || message.isBlank() || eventsWritten != 0);
        }

        public String shown() {
            String path = input.path().length() > 120 ? input.path().substring(0, 120) + "…" : input.path();
            return input.method() + " " + path + " [" + input.inputClass().label + ": " + input.description()
                    + "] → " + status + " " + code + " events+" + eventsWritten;
        }
    }

    @FunctionalInterface
    public interface Sender {
        HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception;
    }

    public record Report(long seed, List<Outcome> outcomes) {
        public List<Outcome> failures() {
            return outcomes.stream().filter(o -> o.serverError() || o.badRefusal()).toList();
        }

        /** Per input class: cases, answers by family, 5xx, refusals that wrote events or lacked the error format. */
        public String table() {
            Map<InputClass, long[]> rows = new EnumMap<>(InputClass.class);
            for (Outcome o : outcomes) {
                long[] r = rows.computeIfAbsent(o.input().inputClass(), k -> new long[6]);
                r[0]++;
                r[o.status() < 300 ? 1 : o.status() < 500 ? 2 : 3]++;
                r[4] += o.refused() && o.eventsWritten() != 0 ? 1 : 0;
                r[5] += o.refused() && (o.code() == null || o.code().isBlank()) ? 1 : 0;
            }
            StringBuilder t = new StringBuilder(String.format("%-45s %6s %6s %6s %5s %14s %12s%n", "clase de entrada (seed "
                    + seed + ")", "casos", "2xx", "4xx", "5xx", "4xx+eventos", "4xx sin code"));
            rows.forEach((k, r) -> t.append(String.format("%-45s %6d %6d %6d %5d %14d %12d%n", k.label, r[0], r[1], r[2], r[3], r[4], r[5])));
            return t.toString();
        }
    }

    private final JsonNode openApi;
    private final Map<String, String> known;
    private final Map<String, String> foreign;
    private final Random random;
    private final long seed;
    private final int perClass;
    private final JsonMapper json = JsonMapper.builder().build();
    private int fresh;

    /**
     * @param known    entity word ({@code center}, {@code employee}, {@code product}…) → an id of the test's institution
     * @param foreign  the same words → ids of another institution
     * @param perClass at most this many cases per input class and operation (drawn at random)
     */
    public CommandFuzzer(JsonNode openApi, Map<String, String> known, Map<String, String> foreign, long seed, int perClass) {
        this.openApi = openApi;
        this.known = known;
        this.foreign = foreign;
        this.seed = seed;
        this.random = new Random(seed);
        this.perClass = perClass;
    }

    public long seed() {
        return seed;
    }

    /** Every case of every command operation of the document. */
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : COMMAND_METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    cases.addAll(casesOf(method.toUpperCase(), path.getKey(), operation));
                }
            }
        }
        return cases;
    }

    /** Sends every case, counting events around each one. */
    public static Report run(long seed, List<Case> cases, Sender sender, LongSupplier eventCount) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            long before = eventCount.getAsLong();
            HttpResponse<String> response = sender.send(c.method(), c.path(), c.contentType(), c.body());
            long written = eventCount.getAsLong() - before;
            String code = null;
            String message = null;
            try {
                JsonNode body = json.readTree(response.body());
                code = body.path("code").asString(null);
                message = body.path("message").asString(null);
            } catch (RuntimeException notJson) {
                // an answer that is not the error format: reported by badRefusal when it is a refusal
            }
            outcomes.add(new Outcome(c, response.statusCode(), code, message, written));
        }
        return new Report(seed, outcomes);
    }

    /**
     * The whole run a service's integration test makes: its OpenAPI document, every case as {@code tenant} (a token
     * with every institution role), the events of its event store counted around each one; the table is printed.
     * The seed is {@code -Dppi.fuzz.seed} when given (to reproduce a run), else a fixed one.
     */
    public static Report fuzzService(ApiClient api, String service, String tenant, Map<String, String> known,
                                     Map<String, String> foreign, LongSupplier eventCount) throws Exception {
        long seed = Long.getLong("ppi.fuzz.seed", 20261202L);
        JsonNode doc = JsonMapper.builder().build().readTree(api.request("GET", "/api/docs/" + service).noToken().send().body());
        CommandFuzzer fuzzer = new CommandFuzzer(doc, known, foreign, seed, 6);
        Report report = run(seed, fuzzer.cases(), (method, path, type, body) -> api.request(method, path).tenant(tenant)
                .user("fuzz.tester").language("es").timeout(java.time.Duration.ofSeconds(30)).raw(type, body).send(), eventCount);
        System.out.println("Fuzzing of " + service + "'s command endpoints:\n" + report.table());
        report.failures().stream().limit(20).forEach(f -> System.out.println("  FAILURE " + f.shown()));
        // Accepted although huge or absurd: legitimate only where the value is not kept (an ignored parameter).
        report.outcomes().stream().filter(o -> o.status() < 300 && (o.input().inputClass() == InputClass.HUGE_STRING
                || o.input().inputClass() == InputClass.ABSURD_NUMBER)).limit(20)
                .forEach(o -> System.out.println("  accepted " + o.shown()));
        return report;
    }

    private List<Case> casesOf(String method, String template, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        boolean hasBody = !content.isMissingNode();
        if (hasBody && content.path("application/json").isMissingNode()) {
            return List.of(); // multipart or file uploads: fuzzed by their own tests (the workbook's bad files)
        }
        JsonNode schema = hasBody ? resolve(content.path("application/json").path("schema")) : null;
        Map<String, String> params = pathParams(template, known);
        String path = expand(template, params) + query(operation, Map.of());
        List<Case> cases = new ArrayList<>();
        ObjectNode base = schema == null || !schema.path("properties").isObject() ? null : validObject(schema);
        String baseText = base == null ? (hasBody ? "{}" : null) : json.writeValueAsString(base);
        String type = hasBody ? "application/json" : null;
        cases.add(new Case(InputClass.VALID_BASELINE, method, path, "base", type, baseText));

        if (base != null) {
            List<Case> missing = new ArrayList<>();
            missing.add(new Case(InputClass.MISSING_FIELD, method, path, "{}", type, "{}"));
            List<Case> wrong = new ArrayList<>();
            List<Case> huge = new ArrayList<>();
            List<Case> numbers = new ArrayList<>();
            List<Case> ids = new ArrayList<>();
            List<Case> nasty = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String field = property.getKey();
                JsonNode fieldSchema = resolve(property.getValue());
                String fieldType = typeOf(fieldSchema);
                ObjectNode without = base.deepCopy();
                without.remove(field);
                missing.add(new Case(InputClass.MISSING_FIELD, method, path, field, type, json.writeValueAsString(without)));
                wrong.add(with(InputClass.WRONG_TYPE, method, path, base, field, wrongValue(fieldType), type));
                if (fieldType.equals("string")) {
                    huge.add(with(InputClass.HUGE_STRING, method, path, base, field, NODES.stringNode(hugeString()), type));
                    nasty.add(with(InputClass.UNICODE_AND_INJECTION, method, path, base, field,
                            NODES.stringNode(NASTY.get(random.nextInt(NASTY.size()))), type));
                    nasty.add(with(InputClass.UNICODE_AND_INJECTION, method, path, base, field, NODES.stringNode(unicode()), type));
                    if (isId(field)) {
                        ids.add(with(InputClass.UNKNOWN_OR_FOREIGN_ID, method, path, base, field,
                                NODES.stringNode("fz-unknown-" + random.nextInt(1_000_000)), type));
                        String other = foreign.get(entityOf(field));
                        if (other != null && !field.equals("id")) {
                            Case c = with(InputClass.UNKNOWN_OR_FOREIGN_ID, method, path, base, field, NODES.stringNode(other), type);
                            ids.add(new Case(c.inputClass(), c.method(), c.path(), c.description() + " " + FOREIGN,
                                    c.contentType(), c.body()));
                        }
                    }
                }
                if (fieldType.equals("number") || fieldType.equals("integer")) {
                    for (String absurd : List.of("-1", "1e308", "-1e308", "1e-30", "123456789012345678901234567890.5",
                            "0.123456789012345", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "1.5e9999")) {
                        numbers.add(new Case(InputClass.ABSURD_NUMBER, method, path, field + "=" + absurd, type,
                                replaceRaw(base, field, absurd)));
                    }
                }
            }
            cases.addAll(sample(missing));
            cases.addAll(sample(wrong));
            cases.addAll(sample(huge));
            cases.addAll(sample(numbers));
            cases.addAll(sample(ids));
            cases.addAll(sample(nasty));
        }
        // Path ids: unknown and another institution's.
        for (Map.Entry<String, String> param : params.entrySet()) {
            Map<String, String> unknown = new LinkedHashMap<>(params);
            unknown.put(param.getKey(), "fz-unknown-" + random.nextInt(1_000_000));
            cases.add(new Case(InputClass.UNKNOWN_OR_FOREIGN_ID, method, expand(template, unknown), "{" + param.getKey()
                    + "} desconocido", type, baseText));
            String other = foreign.get(entityOfPath(template, param.getKey()));
            if (other != null) {
                Map<String, String> foreignIds = new LinkedHashMap<>(params);
                foreignIds.put(param.getKey(), other);
                cases.add(new Case(InputClass.UNKNOWN_OR_FOREIGN_ID, method, expand(template, foreignIds), "{"
                        + param.getKey() + "} " + FOREIGN, type, baseText));
            }
        }
        // Query parameters: injection and huge texts.
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("in").asString("").equals("query")) {
                String name = p.path("name").asString();
                cases.add(new Case(InputClass.UNICODE_AND_INJECTION, method, expand(template, params)
                        + query(operation, Map.of(name, NASTY.get(random.nextInt(NASTY.size())))), "?" + name, type, baseText));
                // Within the servers' 8 KiB request line: longer ones are refused by Tomcat and Netty before any code.
                cases.add(new Case(InputClass.HUGE_STRING, method, expand(template, params)
                        + query(operation, Map.of(name, "x".repeat(6_000))), "?" + name + " (6 000)", type, baseText));
            }
        }
        if (hasBody) {
            for (String malformed : List.of("{", "[]", "null", "\"texto\"", "{\"a\":}", "", "{}{}", "[{\"x\":1}]")) {
                cases.add(new Case(InputClass.MALFORMED_BODY, method, path, "«" + malformed + "»", "application/json", malformed));
            }
            cases.add(new Case(InputClass.MALFORMED_BODY, method, path, "text/plain", "text/plain", baseText));
            cases.add(new Case(InputClass.MALFORMED_BODY, method, path, "application/xml", "application/xml", "<a/>"));
            cases.add(new Case(InputClass.OVERSIZED_BODY, method, path, OVERSIZED_BYTES / 1024 + " KiB", "application/json",
                    "{\"padding\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}"));
        }
        return cases;
    }

    private List<Case> sample(List<Case> cases) {
        List<Case> copy = new ArrayList<>(cases);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(perClass, copy.size()));
    }

    private Case with(InputClass inputClass, String method, String path, ObjectNode base, String field, JsonNode value,
                      String type) {
        ObjectNode body = base.deepCopy();
        body.set(field, value);
        String shown = value.isString() && value.asString().length() > 40 ? value.asString().length() + " caracteres" : value.toString();
        return new Case(inputClass, method, path, field + "=" + shown, type, json.writeValueAsString(body));
    }

    /** The body with one field's value replaced by a raw JSON token (NaN and Infinity are no JSON numbers). */
    private String replaceRaw(ObjectNode base, String field, String token) {
        ObjectNode body = base.deepCopy();
        String marker = "\"__fz_" + random.nextInt(1_000_000) + "__\"";
        body.put(field, marker.substring(1, marker.length() - 1));
        return json.writeValueAsString(body).replace(marker, token);
    }

    private ObjectNode validObject(JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().equals("expectedVersion")) {
                body.set(p.getKey(), validValue(p.getKey(), resolve(p.getValue()), 0));
            }
        }
        return body;
    }

    private JsonNode validValue(String field, JsonNode schema, int depth) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (typeOf(schema)) {
            case "object":
                return depth > 3 ? NODES.objectNode() : validObject(schema);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                JsonNode items = resolve(schema.path("items"));
                array.add(validValue(field.endsWith("Ids") ? field.substring(0, field.length() - 1) : field, items, depth + 1));
                return array;
            }
            case "boolean":
                return NODES.booleanNode(true);
            case "integer":
                return NODES.numberNode(field.toLowerCase().contains("year") && !field.contains("Month") ? 2026
                        : field.toLowerCase().contains("hours") ? 40 : 1);
            case "number":
                return NODES.numberNode(field.toLowerCase().contains("hours") ? 2 : field.toLowerCase().matches(".*(share|weight).*")
                        ? 0.5 : 1000);
            default:
                return NODES.stringNode(validString(field, schema));
        }
    }

    private String validString(String field, JsonNode schema) {
        String format = schema.path("format").asString("");
        if (format.equals("date")) {
            return "2026-03-02";
        }
        if (format.equals("date-time")) {
            return "2026-03-02T10:00:00Z";
        }
        if (field.equals("id")) {
            return "fz-new-" + (++fresh) + "-" + random.nextInt(1_000_000);
        }
        if (isId(field)) {
            return known.getOrDefault(entityOf(field), "fz-unknown");
        }
        return switch (field) {
            case "currency" -> "DOP";
            case "country" -> "DO";
            case "reason" -> "Motivo de la prueba";
            default -> "Texto " + field;
        };
    }

    private static boolean isId(String field) {
        return field.equals("id") || field.endsWith("Id");
    }

    /** {@code centerId} → center, {@code intermediateProductId} → product, {@code parentCenterId} → center. */
    private String entityOf(String field) {
        String base = field.endsWith("Ids") ? field.substring(0, field.length() - 3) : field.substring(0, field.length() - 2);
        // The longest word that ends the field: intermediateProductId is an intermediateProduct before a product.
        return known.keySet().stream().filter(word -> base.toLowerCase().endsWith(word.toLowerCase()))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(base);
    }

    private String entityOfPath(String template, String param) {
        if (!param.equals("id")) {
            return entityOf(param);
        }
        String before = template.substring(0, template.indexOf("{" + param + "}"));
        String[] segments = before.split("/");
        String segment = segments[segments.length - 1];
        String singular = segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
        return known.containsKey(singular) ? singular : segment;
    }

    private Map<String, String> pathParams(String template, Map<String, String> ids) {
        Map<String, String> params = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            params.put(m.group(1), ids.getOrDefault(entityOfPath(template, m.group(1)), "fz-unknown"));
        }
        return params;
    }

    private static String expand(String template, Map<String, String> params) {
        String path = template;
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", java.net.URLEncoder.encode(p.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return path;
    }

    /** Required query parameters with a plain value, and {@code overrides}. */
    private String query(JsonNode operation, Map<String, String> overrides) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            String name = p.path("name").asString();
            if (p.path("in").asString("").equals("query") && (p.path("required").asBoolean(false) || overrides.containsKey(name))) {
                String value = overrides.getOrDefault(name, validValue(name, resolve(p.path("schema")), 0).asString("1"));
                pairs.add(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private JsonNode wrongValue(String type) {
        return switch (type) {
            case "string" -> random.nextBoolean() ? NODES.numberNode(12345) : NODES.objectNode().put("a", 1);
            case "number", "integer" -> NODES.stringNode(random.nextBoolean() ? "doce" : "12,5 horas");
            case "boolean" -> NODES.stringNode("sí");
            case "array" -> NODES.stringNode("x");
            default -> NODES.numberNode(7);
        };
    }

    private String hugeString() {
        return String.valueOf((char) ('a' + random.nextInt(26))).repeat(100_001);
    }

    /**
     * Any unicode text up to 300 code points: every plane, so controls, combining marks, right-to-left marks,
     * surrogate pairs (emoji) and unassigned code points; lone surrogates are left out (no UTF-8 can carry them).
     */
    private String unicode() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(300);
        while (text.codePointCount(0, text.length()) < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> random.nextInt(0x10000);
                default -> random.nextInt(0x110000);
            };
            if (codePoint < 0xD800 || codePoint > 0xDFFF) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static String typeOf(JsonNode schema) {
        String type = schema.path("type").asString("");
        if (type.isEmpty() && schema.path("type").isArray()) {
            type = schema.path("type").get(0).asString("");
        }
        return type.isEmpty() ? (schema.has("properties") ? "object" : "string") : type;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int i = 0; i < 10 && at.has("$ref"); i++) {
            String ref = at.path("$ref").asString();
            at = openApi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (at.has("allOf") && at.path("allOf").size() == 1) {
            return resolve(at.path("allOf").get(0));
        }
        return at;
    }
}
