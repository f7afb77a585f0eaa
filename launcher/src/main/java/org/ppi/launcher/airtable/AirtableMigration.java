package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ppi.launcher.airtable.CentersMapping.Centers;
import org.ppi.launcher.airtable.CostRowsMapping.ExpectedCost;
import org.ppi.launcher.airtable.EmployeesMapping.Staff;
import org.ppi.launcher.airtable.ExportFolder.Kind;
import org.ppi.launcher.airtable.ProductsMapping.Products;
import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoInstitution.CostingMethod;
import org.ppi.launcher.demo.DemoInstitution.Institution;

/**
 * An existing PPI Airtable base, from the CSV exports of its tables, as a new institution of the platform: read and
 * mapped whole before anything is sent, with a report of what could not be mapped. What the base has no table for
 * (value chains, programs) is defined in the platform afterwards.
 */
public final class AirtableMigration {

    /** The new institution: what the base does not say about itself. */
    public record Settings(String institutionId, String name, String country, String currency, int fiscalYear,
                           BigDecimal weeklyHours, CostingMethod method, LocalDate interviewDate) {
    }

    /** The institution to load (ids already those of the tenant), the base's costs to check, and the report. */
    public record Migration(DemoInstitution institution, List<ExpectedCost> expectedCosts, MappingReport report) {
        public boolean clean() {
            return report.errors() == 0;
        }

        public List<MappingReport.Finding> findings() {
            return report.findings();
        }
    }

    private AirtableMigration() {
    }

    public static Migration map(Path folder, Settings settings) {
        MappingReport report = new MappingReport();
        Map<Kind, ExportTable> tables = ExportFolder.read(folder, report);
        ExportTable centerTable = tables.get(Kind.CENTERS);
        ExportTable productTable = tables.get(Kind.PRODUCTS);
        ExportTable costTable = tables.get(Kind.COSTS);
        Centers centers = centerTable == null ? new Centers(List.of(), List.of(), Map.of())
                : CentersMapping.map(centerTable, report);
        Staff staff = tables.containsKey(Kind.EMPLOYEES)
                ? EmployeesMapping.fromTable(tables.get(Kind.EMPLOYEES), centers, settings.weeklyHours(), report)
                : costTable == null ? new Staff(List.of(), Map.of())
                : EmployeesMapping.fromCostRows(costTable, centers, settings.weeklyHours(), report);
        Products products = productTable == null ? new Products(List.of(), Map.of())
                : ProductsMapping.map(productTable, centers, report);
        CostRowsMapping.Rows rows = costTable == null ? new CostRowsMapping.Rows(List.of(), List.of())
                : CostRowsMapping.map(costTable, centers, staff, products, settings.interviewDate(), report);
        report.warning(folder.getFileName().toString(), 0, null, "cadenas de valor, programas y volúmenes planificados "
                + "no vienen en estas tablas: defínalos en la plataforma", "value chains and programs are not in these "
                + "tables: define them in the platform");
        DemoInstitution institution = new DemoInstitution(new Institution(settings.institutionId(), settings.name(),
                settings.country(), settings.currency(), settings.fiscalYear(), settings.weeklyHours(), settings.method()),
                centers.scopes(), centers.centers(), staff.employees(), products.products(), rows.interviews(),
                List.of(), List.of(), List.of(), List.of(), null).prefixed(settings.institutionId());
        String prefix = settings.institutionId() + ".";
        List<ExpectedCost> expected = rows.expected().stream().map(c -> new ExpectedCost(c.line(), prefix + c.productId(),
                prefix + c.employeeId(), c.productName(), c.employeeName(), c.cost())).toList();
        return new Migration(institution, expected, report);
    }
}
