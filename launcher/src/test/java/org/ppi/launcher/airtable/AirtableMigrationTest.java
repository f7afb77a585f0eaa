package org.ppi.launcher.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppi.launcher.airtable.AirtableMigration.Migration;
import org.ppi.launcher.airtable.AirtableMigration.Settings;
import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoInstitution.CostingMethod;
import org.ppi.launcher.demo.DemoInstitution.Employee;

/**
 * The seed-sized export (docs/airtable_export.py writes the demo institution's first round as an Airtable base's CSV
 * exports) maps to the same institution, and every bad export is reported at its file, row and column.
 */
class AirtableMigrationTest {
    private static final String COSTS = "Costos producción-Grid view.csv";
    private static final String CENTERS = "Centros de producción-Grid view.csv";
    private static final String EMPLOYEES = "Funcionarios-Grid view.csv";
    private static final String PRODUCTS = "Productos-Grid view.csv";

    @TempDir
    Path dir;

    @Test
    void theSeedSizedExportMapsToTheDemoInstitutionsFirstRound() throws Exception {
        Migration migration = AirtableMigration.map(fixture(), settings());
        assertThat(migration.report().errors()).as(shown(migration)).isZero();
        DemoInstitution mapped = migration.institution();
        DemoInstitution demo = DemoInstitution.bundled();
        assertThat(mapped.centers()).hasSize(demo.centers().size());
        assertThat(mapped.scopes()).hasSize(demo.scopes().size());
        assertThat(mapped.employees()).hasSize(demo.employees().size());
        assertThat(mapped.products()).hasSize(demo.products().size());
        assertThat(mapped.allocationCount()).isEqualTo(demo.allocationCount());
        assertThat(migration.expectedCosts()).hasSize(demo.allocationCount());
        assertThat(payroll(mapped.employees())).isEqualByComparingTo(payroll(demo.employees()))
                .isEqualByComparingTo("115465876.54");
        assertThat(mapped.centers().stream().map(c -> c.nonLabourCost()).filter(c -> c != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("7215000.00");
        // Hours by (employee name, product name) are the demo's, every one.
        assertThat(hours(mapped)).isEqualTo(hours(demo));
        assertThat(mapped.centers().stream().filter(c -> c.parentCenterId() != null).count())
                .isEqualTo(demo.centers().stream().filter(c -> c.parentCenterId() != null).count());
        assertThat(mapped.products().stream().filter(DemoInstitution.Product::core).count())
                .isEqualTo(demo.products().stream().filter(DemoInstitution.Product::core).count());
        assertThat(mapped.products().get(0).processSteps()).isEqualTo(demo.products().get(0).processSteps());
        assertThat(mapped.products().get(0).users()).isEqualTo(demo.products().get(0).users());
        assertThat(mapped.institution().id()).isEqualTo("migrada");
        assertThat(mapped.centers()).allMatch(c -> c.id().startsWith("migrada."));
        assertThat(mapped.interviews()).allMatch(DemoInstitution.Interview::validated);
    }

    @Test
    void withoutTheEmployeesTableEachCentersPayrollIsSharedToTheCent() throws Exception {
        Path folder = copy();
        Files.delete(folder.resolve(EMPLOYEES));
        Migration migration = AirtableMigration.map(folder, settings());
        assertThat(migration.report().errors()).as(shown(migration)).isZero();
        assertThat(shown(migration)).contains("no hay tabla «Funcionarios»");
        DemoInstitution demo = DemoInstitution.bundled();
        Map<String, BigDecimal> mappedByCenter = payrollByCenterName(migration.institution());
        assertThat(mappedByCenter).isEqualTo(payrollByCenterName(demo));
        assertThat(migration.institution().employees()).hasSize(demo.employees().size());
        assertThat(EmployeesMapping.equalShares(new BigDecimal("100.00"), 3))
                .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    }

    @Test
    void windows1252AndAByteOrderMarkReadLikeUtf8() throws Exception {
        Path folder = copy();
        for (String file : List.of(CENTERS, PRODUCTS)) {
            String text = Files.readString(folder.resolve(file), StandardCharsets.UTF_8).replace("\uFEFF", "");
            Files.write(folder.resolve(file), text.getBytes(ExportText.WINDOWS_1252));
        }
        Migration reencoded = AirtableMigration.map(folder, settings());
        Migration original = AirtableMigration.map(fixture(), settings());
        assertThat(reencoded.report().errors()).as(shown(reencoded)).isZero();
        assertThat(reencoded.institution()).isEqualTo(original.institution());
        assertThat(reencoded.institution().centers().get(0).name()).contains("Despacho");
        assertThat(reencoded.institution().scopes().get(0).name()).isEqualTo("Ámbito jerárquico superior");
    }

    @Test
    void everyUnmappableValueIsReportedAtItsFileRowAndColumn() throws Exception {
        Path folder = copy();
        List<String> products = Files.readAllLines(folder.resolve(PRODUCTS));
        // Line 2 of the file is the first product: an unknown center; the type of another unknown (a multi-line
        // cell keeps a record on several lines, so records are edited, not lines).
        Files.writeString(folder.resolve(PRODUCTS), String.join("\n", products).replaceFirst(
                ",Despacho del Defensor del Pueblo,", ",Centro inexistente,"));
        List<String> costs = Files.readAllLines(folder.resolve(COSTS));
        costs.set(2, costs.get(2).replaceFirst(",25,", ",veinte,"));
        costs.set(3, costs.get(3).replaceFirst("^([^,]*),([^,]*),", "$1,Nadie Conocido,"));
        costs.add(costs.get(4));
        Files.write(folder.resolve(COSTS), costs);
        Files.delete(folder.resolve(CENTERS));
        Migration broken = AirtableMigration.map(folder, settings());
        String report = shown(broken);
        assertThat(broken.report().errors()).as(report).isPositive();
        assertThat(report).contains("falta la exportación de la tabla «Centros de producción»");

        Path second = copy();
        Files.writeString(second.resolve(PRODUCTS), String.join("\n", products).replaceFirst(
                ",Despacho del Defensor del Pueblo,", ",Centro inexistente,"));
        Files.write(second.resolve(COSTS), costs);
        Migration rows = AirtableMigration.map(second, settings());
        String found = shown(rows);
        assertThat(found).contains(PRODUCTS + ", fila 2, columna «Centro de producción»: el centro «Centro inexistente» no está");
        assertThat(found).contains(COSTS + ", fila 3, columna «Tiempo»: se esperaba un número y se encontró «veinte»");
        assertThat(found).contains(COSTS + ", fila 4, columna «Funcionario»: «Nadie Conocido» no es funcionario");
        assertThat(found).contains(COSTS + ", fila " + costs.size() + ": el funcionario y el producto ya están en la fila 5");
        assertThat(rows.institution().allocationCount()).as("the refused rows are not in the institution")
                .isLessThan(DemoInstitution.bundled().allocationCount());
    }

    @Test
    void amountsReadAsAirtableAndSpreadsheetsWriteThem() {
        assertThat(Cells.number("RD$1,234,567.89")).contains(new BigDecimal("1234567.89"));
        assertThat(Cells.number("1.234.567,89")).contains(new BigDecimal("1234567.89"));
        assertThat(Cells.number("12,5")).contains(new BigDecimal("12.5"));
        assertThat(Cells.number("1,234")).contains(new BigDecimal("1234"));
        assertThat(Cells.number("5.00%")).contains(new BigDecimal("5.00"));
        assertThat(Cells.number("veinte")).isEmpty();
        assertThat(Cells.number("1e9")).isEmpty();
        assertThat(Cells.number("DOP 1 234,50")).contains(new BigDecimal("1234.50"));
        assertThat(Cells.number("12 horas")).contains(new BigDecimal("12"));
        assertThat(Cells.checked("checked")).isTrue();
        assertThat(Cells.checked("")).isFalse();
        assertThat(ExportFolder.kindOf("Costos producción-Por producto.csv")).contains(ExportFolder.Kind.COSTS);
        assertThat(ExportFolder.kindOf("PRODUCTOS.csv")).contains(ExportFolder.Kind.PRODUCTS);
        assertThat(ExportFolder.kindOf("Cadenas de valor-Grid view.csv")).isEmpty();
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(AirtableMigrationTest.class.getResource("/airtable/defensoria").toURI());
    }

    static Settings settings() {
        return new Settings("migrada", "Defensor del Pueblo (migrada)", "DO", "DOP", 2026, new BigDecimal("40"),
                CostingMethod.CLASSIC, LocalDate.of(2026, 2, 2));
    }

    private Path copy() throws IOException, URISyntaxException {
        Path target = Files.createTempDirectory(dir, "export");
        try (var files = Files.list(fixture())) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static String shown(Migration m) {
        return m.findings().stream().map(MappingReport.Finding::shown).collect(Collectors.joining("\n"));
    }

    private static BigDecimal payroll(List<Employee> employees) {
        return employees.stream().map(Employee::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, BigDecimal> payrollByCenterName(DemoInstitution d) {
        Map<String, String> names = d.centers().stream().collect(Collectors.toMap(c -> c.id(), c -> c.name()));
        return d.employees().stream().collect(Collectors.groupingBy(e -> names.get(e.centerId()),
                java.util.TreeMap::new, Collectors.reducing(BigDecimal.ZERO, Employee::annualCost, BigDecimal::add)))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stripTrailingZeros(),
                        (a, b) -> a, java.util.TreeMap::new));
    }

    private static Map<String, BigDecimal> hours(DemoInstitution d) {
        Map<String, String> employees = d.employees().stream().collect(Collectors.toMap(Employee::id, Employee::name));
        Map<String, String> products = d.products().stream().collect(Collectors.toMap(p -> p.id(), p -> p.name()));
        return d.interviews().stream().flatMap(i -> i.allocations().stream())
                .sorted(Comparator.comparing(a -> employees.get(a.employeeId()) + products.get(a.productId())))
                .collect(Collectors.toMap(a -> employees.get(a.employeeId()) + " × " + products.get(a.productId()),
                        a -> a.hours().stripTrailingZeros(), (a, b) -> a, java.util.TreeMap::new));
    }

}
