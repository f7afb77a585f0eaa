package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ppi.launcher.airtable.AirtableImport;
import org.ppi.launcher.airtable.AirtableMigration;
import org.ppi.launcher.airtable.AirtableMigration.Migration;
import org.ppi.launcher.airtable.AirtableMigration.Settings;
import org.ppi.launcher.airtable.CostTableCheck;
import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoInstitution.CostingMethod;
import tools.jackson.databind.JsonNode;

/**
 * An existing PPI Airtable base migrated through the gateway: the CSV exports of the seed-sized base
 * (docs/airtable_export.py, with the base's own cost of every row computed the seed's way in exact fractions) become
 * a new institution, and the platform's cost table reproduces every row of the base to the cent.
 */
@Order(4)
@ExtendWith(E2ePlatform.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AirtableMigrationEndToEndTest {
    private static final String AIRTABLE = E2ePlatform.AIRTABLE;
    private final E2ePlatform e2e;
    private Migration migration;

    AirtableMigrationEndToEndTest(E2ePlatform e2e) {
        this.e2e = e2e;
    }

    @Test
    @Order(1)
    void theBaseImportedAsANewInstitutionReproducesItsCostTableToTheCent() throws Exception {
        Path export = Path.of(getClass().getResource("/airtable/defensoria").toURI());
        migration = AirtableMigration.map(export, new Settings(AIRTABLE, "Defensor del Pueblo (migrada)", "DO",
                "DOP", 2026, new BigDecimal("40"), CostingMethod.CLASSIC, LocalDate.of(2026, 2, 2)));
        assertThat(migration.clean()).as("%s", migration.findings()).isTrue();

        AirtableImport.Imported imported = AirtableImport.load(migration, e2e.platform.gateway(), E2eUsers.admin(e2e.issuer),
                E2eUsers.of(e2e.issuer, AIRTABLE, "institution-admin"), Duration.ofMinutes(3));
        CostTableCheck.Result check = imported.check();
        assertThat(check.compared()).isEqualTo(451);
        assertThat(check.differences()).as("rows of the base the platform does not reproduce").isEmpty();

        GatewayClient analyst = e2e.as(AIRTABLE, "analyst");
        JsonNode institution = analyst.get("/api/costing/institution");
        assertThat(institution.path("totalCost").decimalValue()).as("payroll and non-labour cost of the base")
                .isEqualByComparingTo("122680876.54");
        assertThat(institution.path("products").asInt()).isEqualTo(258);
        // Lineage names who imported it and how.
        String product = migration.expectedCosts().get(0).productId();
        JsonNode lineage = analyst.lineageEvents("/api/costing/products/" + product + "/lineage");
        assertThat(lineage.toString()).contains("\"actingUser\":\"" + AIRTABLE + ".institution-admin\"");
        assertThat(analyst.get("/api/survey/interviews/" + AIRTABLE + ".I01").path("interviewer").asString())
                .isEqualTo("Migración desde Airtable");
    }

    /**
     * The interview workbook round trip on the migrated institution: download a center's sheet as CSV, change one
     * employee's hours on one product, upload it (dry run, then for real, as the correction of a validated interview)
     * and the product's cost row becomes the seed's formula of the new hours.
     */
    @Test
    @Order(2)
    void aDownloadedWorkbookFilledAndUploadedChangesTheFigureAsTheFormulaSays() {
        assertThat(migration).as("the import ran first").isNotNull();
        GatewayClient surveyor = e2e.as(AIRTABLE, "surveyor");
        String interview = AIRTABLE + ".I01";
        GatewayClient.Answer download = surveyor.send("GET", "/api/survey/interviews/" + interview + "/workbook?format=csv", null);
        assertThat(download.status()).as(download.text()).isEqualTo(200);
        List<List<String>> sheet = new ArrayList<>(CsvTable.parse(download.text().replace("\uFEFF", "")).stream()
                .map(ArrayList::new).toList());
        // Row 1: ids (employee columns, then one column per product); rows 2–5 the products; from row 6 employees.
        int row = 5;
        int column = 4;
        while (sheet.get(row).get(column).isBlank()) {
            column++;
        }
        String employee = sheet.get(row).get(0);
        String product = sheet.get(0).get(column);
        BigDecimal before = new BigDecimal(sheet.get(row).get(column).replace(',', '.'));
        BigDecimal after = before.add(BigDecimal.ONE);
        sheet.get(row).set(column, after.toPlainString());
        byte[] filled = csv(sheet).getBytes(StandardCharsets.UTF_8);

        String upload = "/api/survey/interviews/" + interview + "/workbook";
        GatewayClient.Answer dryRun = surveyor.upload(upload + "?dryRun=true", "text/csv", filled);
        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.text()).contains(employee).contains(product);
        GatewayClient.Answer applied = surveyor.upload(upload + "?dryRun=false&reason="
                + java.net.URLEncoder.encode("Planilla corregida con el jefe del centro", StandardCharsets.UTF_8), "text/csv", filled);
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);

        // Classic: hours / (employees of the center × 40) × the center's payroll, half-up to cents once.
        var institution = migration.institution();
        String center = institution.interviews().get(0).centerId();
        List<DemoInstitution.Employee> staff = institution.employees().stream().filter(e -> e.centerId().equals(center)).toList();
        BigDecimal payroll = staff.stream().map(DemoInstitution.Employee::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = after.multiply(payroll).divide(BigDecimal.valueOf(staff.size() * 40L), 2, RoundingMode.HALF_UP);
        BigDecimal old = before.multiply(payroll).divide(BigDecimal.valueOf(staff.size() * 40L), 2, RoundingMode.HALF_UP);
        assertThat(expected).isNotEqualByComparingTo(old);
        e2e.as(AIRTABLE, "analyst").await("/api/costing/products/" + product, p -> {
            for (JsonNode r : p.path("rows")) {
                if (r.path("employeeId").asString().equals(employee)) {
                    return r.path("labour").decimalValue().compareTo(expected) == 0;
                }
            }
            return false;
        }, Duration.ofSeconds(60));
    }

    private static String csv(List<? extends List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            text.append(String.join(",", row.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList())).append("\r\n");
        }
        return text.toString();
    }
}
