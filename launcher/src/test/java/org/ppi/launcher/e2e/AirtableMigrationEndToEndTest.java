package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ppi.launcher.airtable.AirtableImport;
import org.ppi.launcher.airtable.AirtableMigration;
import org.ppi.launcher.airtable.AirtableMigration.Migration;
import org.ppi.launcher.airtable.AirtableMigration.Settings;
import org.ppi.launcher.airtable.CostTableCheck;
import org.ppi.launcher.demo.DemoInstitution.CostingMethod;
import tools.jackson.databind.JsonNode;

/**
 * An existing PPI Airtable base migrated through the gateway: the CSV exports of the seed-sized base
 * (docs/airtable_export.py, with the base's own cost of every row computed the seed's way in exact fractions) become
 * a new institution, and the platform's cost table reproduces every row of the base to the cent.
 */
@Order(4)
@ExtendWith(E2ePlatform.Shared.class)
class AirtableMigrationEndToEndTest {
    private static final String AIRTABLE = E2ePlatform.AIRTABLE;
    private final E2ePlatform e2e;

    AirtableMigrationEndToEndTest(E2ePlatform e2e) {
        this.e2e = e2e;
    }

    @Test
    void theBaseImportedAsANewInstitutionReproducesItsCostTableToTheCent() throws Exception {
        Path export = Path.of(getClass().getResource("/airtable/defensoria").toURI());
        Migration migration = AirtableMigration.map(export, new Settings(AIRTABLE, "Defensor del Pueblo (migrada)", "DO",
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
        JsonNode lineage = analyst.get("/api/costing/products/" + product + "/lineage");
        assertThat(lineage.path("events").toString()).contains("\"actingUser\":\"" + AIRTABLE + ".institution-admin\"");
        assertThat(analyst.get("/api/survey/interviews/" + AIRTABLE + ".I01").path("interviewer").asString())
                .isEqualTo("Migración desde Airtable");
    }
}
