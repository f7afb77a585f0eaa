package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.launcher.airtable.CentersMapping.Centers;
import org.ppi.launcher.airtable.EmployeesMapping.Staff;
import org.ppi.launcher.airtable.ProductsMapping.Products;
import org.ppi.launcher.demo.DemoInstitution.Allocation;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Employee;
import org.ppi.launcher.demo.DemoInstitution.Interview;
import org.ppi.launcher.demo.DemoInstitution.Product;

/**
 * The seed's table "Costos producción → Por producto": one row per employee and product with the weekly hours
 * ("Tiempo"). Each center's rows become one interview with those time allocations, validated (the base held the
 * institution's accepted survey); the base's own cost of each row is kept to check the platform's figures against.
 */
final class CostRowsMapping {
    static final List<String> PRODUCT = List.of("Producto", "Product");
    static final List<String> EMPLOYEE = List.of("Funcionario", "Empleado", "Employee");
    static final List<String> CENTER = List.of("Centro de producción", "Centro", "Center");
    static final List<String> HOURS = List.of("Tiempo", "Horas", "Tiempo dedicado", "Hours");
    static final List<String> COST = List.of("Costo", "Costo total", "Cost");
    static final List<String> VOLUME = List.of("Volumen", "Volume");
    static final String INTERVIEWER = "Migración desde Airtable";

    /** The base's cost of one row, to compare with the platform's. */
    public record ExpectedCost(int line, String productId, String employeeId, String productName, String employeeName,
                        BigDecimal cost) {
    }

    record Rows(List<Interview> interviews, List<ExpectedCost> expected) {
    }

    private CostRowsMapping() {
    }

    static Rows map(ExportTable table, Centers centers, Staff staff, Products products, LocalDate interviewDate,
                    MappingReport report) {
        Map<String, List<Allocation>> byCenter = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, BigDecimal> hoursOfEmployee = new HashMap<>();
        List<ExpectedCost> expected = new ArrayList<>();
        for (ExportTable.Row row : table.rows()) {
            Cell cell = new Cell(table, row, report);
            Optional<String> productName = cell.required(PRODUCT, Cell.NAME_LIMIT);
            Optional<String> employeeName = cell.required(EMPLOYEE, Cell.NAME_LIMIT);
            Optional<BigDecimal> hours = cell.number(HOURS);
            if (hours.isEmpty() && row.cell(HOURS).isEmpty()) {
                cell.error(HOURS, "faltan las horas semanales: la fila no se importa", "the weekly hours are missing");
            }
            if (productName.isEmpty() || employeeName.isEmpty() || hours.isEmpty()) {
                continue;
            }
            Optional<Product> product = product(cell, centers, products, productName.get());
            if (product.isEmpty()) {
                continue;
            }
            Optional<Employee> employee = staff.in(product.get().centerId(), employeeName.get());
            if (employee.isEmpty()) {
                cell.error(EMPLOYEE, "«" + employeeName.get() + "» no es funcionario del centro del producto: la fila no se importa",
                        "not an employee of the product's center: the row is not imported");
                continue;
            }
            if (hours.get().signum() < 0) {
                cell.error(HOURS, "las horas no pueden ser negativas", "hours cannot be negative");
                continue;
            }
            if (hours.get().compareTo(employee.get().contractedHours()) > 0) {
                cell.error(HOURS, "las horas (" + hours.get().toPlainString() + ") superan las contratadas del funcionario ("
                        + employee.get().contractedHours().toPlainString() + ")", "hours above the employee's contract");
                continue;
            }
            String pair = employee.get().id() + "|" + product.get().id();
            Integer earlier = seen.putIfAbsent(pair, row.line());
            if (earlier != null) {
                cell.error(null, "el funcionario y el producto ya están en la fila " + earlier + ": la fila no se importa",
                        "the employee and product are already on another row");
                continue;
            }
            cell.number(VOLUME).ifPresent(v -> {
                if (product.get().volume() == null || v.compareTo(product.get().volume()) != 0) {
                    cell.warning(VOLUME, "volumen " + v.toPlainString() + " y en la tabla de productos "
                            + (product.get().volume() == null ? "ninguno" : product.get().volume().toPlainString())
                            + ": vale el de productos", "the volume differs from the products table's, which is used");
                }
            });
            hoursOfEmployee.merge(employee.get().id(), hours.get(), BigDecimal::add);
            byCenter.computeIfAbsent(product.get().centerId(), k -> new ArrayList<>())
                    .add(new Allocation(employee.get().id(), product.get().id(), hours.get()));
            cell.number(COST).ifPresent(cost -> expected.add(new ExpectedCost(row.line(), product.get().id(),
                    employee.get().id(), product.get().name(), employee.get().name(), cost)));
        }
        staff.employees().forEach(e -> {
            BigDecimal total = hoursOfEmployee.getOrDefault(e.id(), BigDecimal.ZERO);
            if (total.compareTo(e.contractedHours()) > 0) {
                report.warning(table.file(), 0, HOURS.get(0), e.name() + ": " + total.toPlainString() + " horas asignadas de "
                        + e.contractedHours().toPlainString() + " contratadas (sobreasignado; la plataforma lo señala y "
                        + "ofrece normalizar)", "over-allocated employee (flagged by the platform)");
            }
        });
        List<Interview> interviews = new ArrayList<>();
        for (Center center : centers.centers()) {
            List<Allocation> allocations = byCenter.get(center.id());
            if (allocations != null) {
                interviews.add(new Interview(String.format("I%02d", interviews.size() + 1), center.id(), interviewDate,
                        INTERVIEWER, List.of(), true, allocations));
            }
        }
        return new Rows(interviews, expected);
    }

    /** The row's product: by name within the row's center when it names one, else the only product so named. */
    private static Optional<Product> product(Cell cell, Centers centers, Products products, String name) {
        Optional<String> centerName = cell.text(CENTER, Cell.NAME_LIMIT);
        if (centerName.isPresent()) {
            Optional<Center> center = centers.named(cell, CENTER, centerName.get());
            if (center.isEmpty()) {
                return Optional.empty();
            }
            Optional<Product> product = products.in(center.get().id(), name);
            if (product.isEmpty()) {
                cell.error(PRODUCT, "«" + name + "» no es un producto del centro «" + center.get().name() + "»: la fila no se importa",
                        "not a product of that center: the row is not imported");
            }
            return product;
        }
        List<Product> named = products.named(name);
        if (named.size() != 1) {
            cell.error(PRODUCT, named.isEmpty() ? "el producto «" + name + "» no está en la tabla de productos"
                            : "hay " + named.size() + " productos «" + name + "» en distintos centros: indique el centro de la fila",
                    named.isEmpty() ? "the product is not in the products table" : "several products so named: give the row's center");
            return Optional.empty();
        }
        return Optional.of(named.get(0));
    }
}
