package org.ppi.survey.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk sheet command and the interview workbook over real HTTP, PostgreSQL and Kafka: a 5 × 20 sheet is one
 * command and 100 events; the workbook downloads, fills, uploads (dry run, then confirmed) and changes the
 * interview's allocations; every bad workbook is a precise 4xx and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG}, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class InterviewWorkbookIntegrationTest {
    private static final String USER = "sara.surveyor";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "survey-workbook");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;
    private String tenant;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
    }

    /** An institution with one center of 5 employees (contracted 40, the last 20) and 20 products, and an interview. */
    private void institution(String id) throws Exception {
        tenant = id;
        expect(api.request("POST", "/api/survey/institutions").user("platform.admin").roles("platform-admin")
                .body(Map.of("id", id, "name", "Defensor del Pueblo", "currency", "DOP", "fiscalYear", 2026)).send(), 201);
        expect(call("POST", "/api/survey/centers", Map.of("id", "c1", "name", "Dirección de Atención",
                "area", "SUBSTANTIVE")), 201);
        expect(call("POST", "/api/survey/centers", Map.of("id", "c2", "name", "Otra", "area", "SUPPORT")), 201);
        for (int e = 1; e <= 5; e++) {
            expect(call("POST", "/api/survey/employees", Map.of("id", "e" + e, "centerId", "c1", "name", "Funcionaria " + e,
                    "position", "Analista", "annualCost", 600000, "contractedHours", e == 5 ? 20 : 40)), 201);
        }
        expect(call("POST", "/api/survey/employees", Map.of("id", "other", "centerId", "c2", "name", "Ajeno",
                "annualCost", 600000)), 201);
        for (int p = 1; p <= 20; p++) {
            ProductRegistered event = new ProductRegistered(id, "catalog.user", "p" + p, "c1", "Producto " + p,
                    p % 2 == 0 ? ProductType.INTERMEDIATE : ProductType.TERMINAL, true, new BigDecimal(100 * p),
                    "informes", new ProductFeatures(null, java.util.Set.of(), null, null, List.of(), null, null));
            CloudEventPublisher.publish(kafka, json, Topics.CATALOG, event, Instant.now());
        }
        Await.until("20 products in the replica", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from known_product where institution_id = ?").param(id).query(Long.class).single() == 20);
        expect(call("POST", "/api/survey/interviews", Map.of("id", "i1", "centerId", "c1")), 201);
    }

    @Test
    void aFiveByTwentySheetIsOneCommandAndOneEventPerChangedCell() throws Exception {
        institution("inst-sheet");
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            for (int p = 1; p <= 20; p++) {
                cells.add(Map.of("employeeId", "e" + e, "productId", "p" + p, "hours", new BigDecimal(e + p).movePointLeft(1)));
            }
        }
        long before = events();
        HttpResponse<String> recorded = call("PUT", "/api/survey/interviews/i1/sheet",
                Map.of("expectedVersion", 0, "cells", cells));
        expect(recorded, 200);
        Map<String, Object> outcome = map(json.readValue(recorded.body(), Map.class));
        assertThat(outcome).containsEntry("written", true).containsEntry("cells", 100).containsEntry("version", 100);
        assertThat(events() - before).isEqualTo(100);
        // one command: the 100 events share the command's correlation (the CloudEvents' causation id)
        assertThat(jdbc.sql("select count(distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId') "
                        + "from domain_event_entry where aggregate_identifier = ? and payload_type like '%TimeAllocated'")
                .param(tenant + "~i1").query(Long.class).single()).isEqualTo(1);
        assertThat(hours("e3", "p7")).isEqualByComparingTo("1.0");
        assertThat(version()).isEqualTo(100);

        // the same sheet again with two cells changed: two events
        cells.set(0, Map.of("employeeId", "e1", "productId", "p1", "hours", 7));
        cells.set(99, Map.of("employeeId", "e5", "productId", "p20", "hours", 0));
        expect(call("PUT", "/api/survey/interviews/i1/sheet", Map.of("cells", cells)), 200);
        assertThat(events() - before).isEqualTo(102);
        assertThat(hours("e5", "p20")).isNull();

        // every bad cell listed, nothing written; a stale version is a conflict
        long now = events();
        HttpResponse<String> bad = call("PUT", "/api/survey/interviews/i1/sheet", Map.of("cells", List.of(
                Map.of("employeeId", "e1", "productId", "p1", "hours", 3),
                Map.of("employeeId", "e5", "productId", "p1", "hours", 21),
                Map.of("employeeId", "ghost", "productId", "p1", "hours", 1),
                Map.of("employeeId", "other", "productId", "p1", "hours", 1),
                Map.of("employeeId", "e1", "productId", "nope", "hours", 1))), "en");
        assertThat(bad.statusCode()).isEqualTo(422);
        Map<String, Object> error = map(json.readValue(bad.body(), Map.class));
        assertThat(error).containsEntry("code", "interview.sheet-invalid");
        assertThat(list(error.get("details"))).extracting(d -> d.get("index") + " " + d.get("code")).containsExactly(
                "1 allocation.hours-above-contract", "2 employee.not-found", "3 allocation.employee-other-center",
                "4 allocation.product-unknown");
        assertThat((String) list(error.get("details")).get(0).get("message"))
                .isEqualTo("Employee e5 × product p1: Hours allocated to one product (21) exceed the employee's contracted hours (20.00).");
        expect(call("PUT", "/api/survey/interviews/i1/sheet", Map.of("expectedVersion", 3, "cells", cells.subList(0, 1))), 409);
        assertThat(events()).isEqualTo(now);
        assertThat(hours("e1", "p1")).isEqualByComparingTo("7");
    }

    @Test
    void theXlsxWorkbookRoundTripsThroughTheApi() throws Exception {
        institution("inst-xlsx");
        expect(call("PUT", "/api/survey/interviews/i1/allocations", Map.of("employeeId", "e1", "productId", "p1",
                "hours", 12.5)), 200);
        HttpResponse<byte[]> download = download("xlsx", "es");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        byte[] filled;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheet("Horas");
            assertThat(sheet).isNotNull();
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Código funcionario");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Horas contratadas");
            assertThat(header.getLastCellNum()).isEqualTo((short) 24);
            int p1 = column(header, "p1");
            int p2 = column(header, "p2");
            assertThat(sheet.getRow(2).getCell(p2).getStringCellValue()).isEqualTo("Intermedio");
            assertThat(sheet.getRow(3).getCell(p2).getNumericCellValue()).isEqualTo(200.0);
            assertThat(sheet.getRow(4).getCell(p2).getStringCellValue()).isEqualTo("informes");
            Row e1 = rowOf(sheet, "e1");
            assertThat(e1.getCell(2).getStringCellValue()).isEqualTo("Analista");
            assertThat(e1.getCell(3).getNumericCellValue()).isEqualTo(40.0);
            assertThat(e1.getCell(p1).getNumericCellValue()).isEqualTo(12.5);
            e1.getCell(p1).setCellValue(10);
            e1.createCell(p2).setCellValue(5.25);
            rowOf(sheet, "e5").createCell(p1).setCellValue(20);
            filled = bytes(workbook);
        }
        long before = events();
        HttpResponse<String> dryRun = upload(filled, XLSX, "?dryRun=true", "es");
        expect(dryRun, 200);
        Map<String, Object> preview = map(json.readValue(dryRun.body(), Map.class));
        assertThat(preview).containsEntry("dryRun", true).containsEntry("written", false).containsEntry("cells", 100)
                .containsEntry("unchanged", 97).containsEntry("version", 1);
        assertThat(list(preview.get("changes"))).extracting(c -> c.get("employeeId") + "×" + c.get("productId") + " "
                + c.get("before") + "→" + c.get("after")).containsExactlyInAnyOrder("e1×p1 12.5→10", "e1×p2 0→5.25",
                "e5×p1 0→20");
        assertThat(events()).isEqualTo(before);
        assertThat(hours("e1", "p1")).isEqualByComparingTo("12.5");

        HttpResponse<String> confirmed = upload(filled, XLSX, "?dryRun=false&expectedVersion=1", "es");
        expect(confirmed, 200);
        assertThat(map(json.readValue(confirmed.body(), Map.class))).containsEntry("written", true).containsEntry("version", 4);
        assertThat(events() - before).isEqualTo(3);
        assertThat(hours("e1", "p1")).isEqualByComparingTo("10");
        assertThat(hours("e1", "p2")).isEqualByComparingTo("5.25");
        assertThat(hours("e5", "p1")).isEqualByComparingTo("20");
        // the import is the surveyor's: every allocation it wrote names him
        Map<String, Object> interview = getJson("/api/survey/interviews/i1");
        assertThat(list(interview.get("allocations"))).extracting(a -> a.get("updatedBy")).containsOnly(USER);
        // the same file again, its version now stale
        expect(upload(filled, XLSX, "?dryRun=false&expectedVersion=1", "es"), 409);
    }

    @Test
    void theCsvWorkbookRoundTripsInEnglishAndInEveryEncoding() throws Exception {
        institution("inst-csv");
        HttpResponse<byte[]> download = download("csv", "en");
        assertThat(download.statusCode()).isEqualTo(200);
        String csv = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFEmployee ID,Employee,Position,Contracted hours,p1,");
        assertThat(csv).contains(",,,Type,Terminal,Intermediate,");
        String filled = csv.replace("e2,Funcionaria 2,Analista,40,", "e2,Funcionaria 2,Analista,40,8");
        long before = events();
        HttpResponse<String> preview = upload(filled.getBytes(StandardCharsets.UTF_8), "text/csv", "", "en");
        expect(preview, 200);
        assertThat(list(map(json.readValue(preview.body(), Map.class)).get("changes")))
                .extracting(c -> c.get("employeeId") + "×" + c.get("productId") + " " + c.get("after") + " " + c.get("cell"))
                .containsExactly("e2×p1 8 E7");
        // Spanish headers (with their accents) in Windows-1252, semicolons and decimal commas, as Excel saves a CSV
        String spanish = "Código funcionario;Funcionario;Cargo;Horas contratadas;p1;p2\r\n"
                + ";;;Producto;Producto 1;Producto 2\r\n"
                + "e3;Funcionaria 3;Analista;40;2,5;\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"))) {
            HttpResponse<String> read = upload(spanish.getBytes(charset), "text/csv", "", "es");
            expect(read, 200);
            assertThat(read.body()).as(charset.name()).contains("\"after\":2.5");
        }
        byte[] bom = ("\uFEFF" + spanish).getBytes(StandardCharsets.UTF_8);
        expect(upload(bom, "text/csv", "?dryRun=false", "es"), 200);
        assertThat(events() - before).isEqualTo(1);
        assertThat(hours("e3", "p1")).isEqualByComparingTo("2.5");
        // multipart, as a browser sends it
        HttpResponse<String> multipart = multipart(filled.getBytes(StandardCharsets.UTF_8), "?dryRun=false");
        expect(multipart, 200);
        assertThat(hours("e2", "p1")).isEqualByComparingTo("8");
    }

    @Test
    void everyBadWorkbookIsAPreciseRefusalAndWritesNothing() throws Exception {
        institution("inst-bad");
        byte[] template = download("xlsx", "es").body();
        long before = events();

        refused(edit(template, s -> s.getRow(0).getCell(3).setCellValue("Horas")), "workbook.column-unexpected", "D1");
        refused(edit(template, s -> s.getRow(0).getCell(2).setBlank()), "workbook.column-missing", "C1");
        refused(edit(template, s -> s.getWorkbook().setSheetName(0, "Hoja1")), "workbook.sheet-missing", null);
        refused(edit(template, s -> rowOf(s, "e1").createCell(4).setCellValue("diez")), "workbook.not-a-number", "E6");
        refused(edit(template, s -> rowOf(s, "e5").createCell(5).setCellValue(25)), "allocation.hours-above-contract",
                "F10");
        refused(edit(template, s -> rowOf(s, "e2").getCell(0).setCellValue("ghost")), "employee.not-found", "A7");
        refused(edit(template, s -> s.getRow(0).getCell(4).setCellValue("nope")), "allocation.product-unknown", "E1");
        refused(edit(template, s -> rowOf(s, "e1").createCell(4).setCellFormula("20+20")), "workbook.formula", "E6");
        refused(edit(template, s -> s.getRow(0).createCell(30).setCellValue("p1")), "workbook.product-repeated", "AE1");

        // every problem of one workbook in one answer, in English
        byte[] many = edit(template, s -> {
            rowOf(s, "e1").createCell(4).setCellValue("ten");
            rowOf(s, "e2").createCell(4).setCellValue(41);
            rowOf(s, "e3").createCell(4).setCellFormula("1+1");
        });
        HttpResponse<String> all = upload(many, XLSX, "?dryRun=false", "en");
        assertThat(all.statusCode()).isEqualTo(422);
        assertThat(list(map(json.readValue(all.body(), Map.class)).get("details")))
                .extracting(d -> d.get("cell") + " " + d.get("code")).containsExactlyInAnyOrder(
                        "E6 workbook.not-a-number", "E8 workbook.formula", "E7 allocation.hours-above-contract");
        assertThat(all.body()).contains("Sheet \\\"Horas\\\", row 6, column E: Expected hours (a number) but found \\\"ten\\\".");

        String header = "Código funcionario,Funcionario,Cargo,Horas contratadas,p1\r\n";
        refused(csv(header + "e1,,,,=1+1\r\n"), "text/csv", "workbook.formula", "E2");
        refused(csv(header + "e1,,,,abc\r\n"), "text/csv", "workbook.not-a-number", "E2");
        refused(csv("Employee,Name\r\ne1,x\r\n"), "text/csv", "workbook.column-unexpected", "A1");
        StringBuilder huge = new StringBuilder(header);
        huge.append("x\r\n".repeat(100_000));
        HttpResponse<String> tooMany = refused(csv(huge.toString()), "text/csv", "workbook.too-many-rows", null);
        assertThat(tooMany.body()).contains("más de 10.000 filas");
        refused(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, "application/vnd.ms-excel",
                "workbook.format-unsupported", null);
        refused(new byte[]{'P', 'K', 3, 4, 1, 2, 3}, XLSX, "workbook.unreadable", null);
        refused(new byte[0], "text/csv", "workbook.empty", null);

        // a 20,000-row XLSX stops at the limit; a 6 MB file is refused at the door, as multipart too
        byte[] long20k;
        try (Workbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Horas");
            for (int r = 0; r < 20_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
            long20k = bytes(workbook);
        }
        refused(long20k, XLSX, "workbook.too-many-rows", null);
        String tooLarge = announce(6 * 1024 * 1024, "text/csv");
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("request.too-large").contains("524.288");
        assertThat(announce(50 * 1024 * 1024, "multipart/form-data; boundary=x")).startsWith("HTTP/1.1 413");

        assertThat(events()).isEqualTo(before);
        assertThat(getJson("/api/survey/interviews/i1").get("allocations")).isEqualTo(List.of());
        // a reader may download the template but not upload it
        assertThat(api.request("POST", "/api/survey/interviews/i1/workbook").tenant(tenant).user("x").roles("analyst")
                .send().statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/survey/interviews/nope/workbook", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/survey/interviews/i1/workbook?format=pdf", null).statusCode()).isEqualTo(400);
    }

    // --- helpers

    private HttpResponse<String> refused(byte[] file, String code, String cell) throws Exception {
        return refused(file, XLSX, code, cell);
    }

    /** Refused (dry run and confirmed alike) with this problem, at this cell; nothing written. */
    private HttpResponse<String> refused(byte[] file, String type, String code, String cell) throws Exception {
        long before = events();
        HttpResponse<String> response = upload(file, type, "?dryRun=false", "es");
        assertThat(response.statusCode()).as(code + " → " + response.body()).isBetween(400, 422);
        Map<String, Object> error = map(json.readValue(response.body(), Map.class));
        assertThat(error).as(response.body()).containsEntry("code", "workbook.invalid");
        assertThat(list(error.get("details"))).as(response.body())
                .anySatisfy(d -> {
                    assertThat(d.get("code")).isEqualTo(code);
                    assertThat(d.get("cell")).isEqualTo(cell);
                    assertThat((String) d.get("message")).isNotBlank().doesNotContain(code);
                });
        assertThat(events()).as("events after " + code).isEqualTo(before);
        return response;
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] edit(byte[] xlsx, Consumer<Sheet> change) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(workbook.getSheetAt(0));
            return bytes(workbook);
        }
    }

    private static byte[] bytes(Workbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static int column(Row header, String productId) {
        for (Cell cell : header) {
            if (cell.getStringCellValue().equals(productId)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + productId);
    }

    private static Row rowOf(Sheet sheet, String employeeId) {
        for (Row row : sheet) {
            Cell id = row.getCell(0);
            if (id != null && id.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && id.getStringCellValue().equals(employeeId)) {
                return row;
            }
        }
        throw new AssertionError("no row " + employeeId);
    }

    private String token() {
        return TestTokens.builder().institution(tenant).user(USER).roles(TestTokens.INSTITUTION_ROLES).sign();
    }

    private HttpResponse<byte[]> download(String format, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/survey/interviews/i1/workbook?format=" + format))
                .header("Authorization", "Bearer " + token()).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> upload(byte[] file, String type, String query, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/survey/interviews/i1/workbook" + query))
                .header("Authorization", "Bearer " + token()).header("Accept-Language", language)
                .header("Content-Type", type).expectContinue(file.length > 1024 * 1024).POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Announces an upload of this many bytes and reads the answer before sending any (as a client honouring an early
     * refusal would): the service refuses it from its Content-Length alone.
     */
    private String announce(long length, String type) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/survey/interviews/i1/workbook HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token() + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[8192];
            int n = socket.getInputStream().read(answer);
            return new String(answer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> multipart(byte[] file, String query) throws Exception {
        String boundary = "----ppi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"planilla.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/survey/interviews/i1/workbook" + query))
                .header("Authorization", "Bearer " + token()).header("Accept-Language", "es")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).expectContinue(file.length > 1024 * 1024)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, Object body) throws Exception {
        return call(method, path, body, "es");
    }

    private HttpResponse<String> call(String method, String path, Object body, String language) throws Exception {
        return api.send(method, path, body, tenant, USER, language);
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " → " + response.body()).isEqualTo(status);
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private long version() throws Exception {
        return ((Number) getJson("/api/survey/interviews/i1").get("version")).longValue();
    }

    /** The interview's hours for a pair, read through the API (null: none). */
    private BigDecimal hours(String employeeId, String productId) throws Exception {
        Map<String, Object> page = getJson("/api/survey/allocations?interviewId=i1&employeeId=" + employeeId
                + "&productId=" + productId);
        List<Map<String, Object>> items = list(page.get("items"));
        return items.isEmpty() ? null : new BigDecimal(String.valueOf(items.get(0).get("hours")));
    }

    private Map<String, Object> getJson(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, null);
        expect(response, 200);
        return map(json.readValue(response.body(), Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
