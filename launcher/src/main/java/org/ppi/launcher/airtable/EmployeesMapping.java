package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.launcher.airtable.CentersMapping.Centers;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Employee;

/**
 * The employees: from the table "Funcionarios" when the export has it (name, center, position, annual cost,
 * contracted hours); otherwise from the cost rows, which name each employee with the center's payroll and
 * headcount: the payroll is then shared equally (to the cent, the remainder on the first ones), so the classic
 * method's figures are the base's while the individual method has no individual salaries to use — said in the report.
 */
final class EmployeesMapping {
    static final List<String> NAME = List.of("Nombre", "Funcionario", "Empleado", "Name", "Employee");
    static final List<String> CENTER = List.of("Centro de producción", "Centro", "Center");
    static final List<String> POSITION = List.of("Cargo", "Puesto", "Position");
    static final List<String> ANNUAL_COST = List.of("Costo anual", "Nómina", "Nomina", "Salario anual", "Salario",
            "Annual cost", "Payroll");
    static final List<String> CONTRACTED = List.of("Horas contratadas", "Horas semanales", "Contracted hours");
    static final List<String> CENTER_PAYROLL = List.of("Nómina del centro", "Nomina del centro", "Center payroll");
    static final List<String> HEADCOUNT = List.of("# Funcionarios", "Funcionarios", "N° funcionarios", "Employees");

    record Staff(List<Employee> employees, Map<String, Map<String, Employee>> byCenter) {
        Optional<Employee> in(String centerId, String name) {
            return Optional.ofNullable(byCenter.getOrDefault(centerId, Map.of()).get(Headers.normalized(name)));
        }
    }

    private EmployeesMapping() {
    }

    static Staff fromTable(ExportTable table, Centers centers, BigDecimal weeklyHours, MappingReport report) {
        Builder staff = new Builder();
        for (ExportTable.Row row : table.rows()) {
            Cell cell = new Cell(table, row, report);
            Optional<String> name = cell.required(NAME, Cell.NAME_LIMIT);
            Optional<Center> center = center(cell, centers);
            Optional<BigDecimal> cost = cell.number(ANNUAL_COST);
            if (cost.isEmpty() && cell.text(ANNUAL_COST, Cell.NAME_LIMIT).isEmpty()) {
                cell.error(ANNUAL_COST, "falta el costo anual (nómina más aportes): la fila no se importa",
                        "the annual cost is missing: the row is not imported");
            }
            Optional<BigDecimal> contracted = cell.number(CONTRACTED);
            if (contracted.isPresent() && (contracted.get().signum() <= 0 || contracted.get().compareTo(BigDecimal.valueOf(168)) > 0)) {
                cell.error(CONTRACTED, "las horas contratadas deben ser mayores que 0 y no más de 168",
                        "contracted hours must be above 0 and at most 168");
                continue;
            }
            if (cost.isPresent() && cost.get().signum() < 0) {
                cell.error(ANNUAL_COST, "el costo anual no puede ser negativo", "the annual cost cannot be negative");
                continue;
            }
            if (name.isEmpty() || center.isEmpty() || cost.isEmpty()) {
                continue;
            }
            staff.add(cell, center.get(), name.get(), cell.text(POSITION, Cell.NAME_LIMIT).orElse(null),
                    cost.get().setScale(2, RoundingMode.HALF_UP), contracted.orElse(weeklyHours));
        }
        return staff.build();
    }

    /** Employees named by the cost rows, when the export has no table "Funcionarios". */
    static Staff fromCostRows(ExportTable costs, Centers centers, BigDecimal weeklyHours, MappingReport report) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, BigDecimal> payrolls = new LinkedHashMap<>();
        Map<String, Integer> headcounts = new LinkedHashMap<>();
        Map<String, Integer> firstLines = new LinkedHashMap<>();
        for (ExportTable.Row row : costs.rows()) {
            Cell cell = new Cell(costs, row, report);
            // Unknown centers and missing names are reported once, by the cost rows' own mapping.
            Optional<Center> center = row.cell(CENTER).flatMap(centers::named);
            Optional<String> name = row.cell(CostRowsMapping.EMPLOYEE);
            if (center.isEmpty() || name.isEmpty()) {
                continue;
            }
            String id = center.get().id();
            List<String> seen = names.computeIfAbsent(id, k -> new ArrayList<>());
            if (seen.stream().noneMatch(n -> Headers.normalized(n).equals(Headers.normalized(name.get())))) {
                seen.add(name.get());
            }
            firstLines.putIfAbsent(id, row.line());
            cell.number(CENTER_PAYROLL).ifPresent(p -> {
                BigDecimal before = payrolls.putIfAbsent(id, p);
                if (before != null && before.compareTo(p) != 0) {
                    cell.warning(CENTER_PAYROLL, "otra nómina del centro que en la fila " + firstLines.get(id) + " ("
                            + before.toPlainString() + "): se usa la primera", "another center payroll than on an earlier row");
                }
            });
            cell.number(HEADCOUNT).ifPresent(n -> headcounts.putIfAbsent(id, n.intValue()));
        }
        report.warning(costs.file(), 0, null, "no hay tabla «Funcionarios»: cada funcionario recibe la nómina de su "
                + "centro repartida por igual; las cifras del método clásico son las de la base, las del individual no "
                + "tienen salarios individuales", "no employees table: each center's payroll is shared equally (classic "
                + "figures are the base's; the individual method has no individual salaries)");
        Builder staff = new Builder();
        for (Map.Entry<String, List<String>> entry : names.entrySet()) {
            String centerId = entry.getKey();
            List<String> people = new ArrayList<>(entry.getValue());
            int headcount = headcounts.getOrDefault(centerId, people.size());
            Center center = centers.centers().stream().filter(c -> c.id().equals(centerId)).findFirst().orElseThrow();
            for (int k = people.size() + 1; k <= headcount; k++) {
                people.add("Funcionario sin asignaciones " + k + " (" + center.name() + ")");
            }
            if (headcount > entry.getValue().size()) {
                report.warning(costs.file(), firstLines.get(centerId), HEADCOUNT.get(0), center.name() + ": "
                        + headcount + " funcionarios y " + entry.getValue().size() + " con filas; se crean "
                        + (headcount - entry.getValue().size()) + " sin asignaciones para que la nómina se reparta igual",
                        "more employees than named on rows: the others are created without allocations");
            }
            BigDecimal payroll = payrolls.get(centerId);
            if (payroll == null) {
                report.error(costs.file(), firstLines.get(centerId), CENTER_PAYROLL.get(0), center.name()
                        + ": falta la nómina del centro y no hay tabla «Funcionarios»", "the center payroll is missing");
                continue;
            }
            List<BigDecimal> shares = equalShares(payroll, people.size());
            for (int k = 0; k < people.size(); k++) {
                staff.add(null, center, people.get(k), null, shares.get(k), weeklyHours);
            }
        }
        return staff.build();
    }

    /** {@code amount} in {@code n} parts to the cent whose sum is {@code amount}: the first ones get the remainder. */
    static List<BigDecimal> equalShares(BigDecimal amount, int n) {
        long cents = amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
        List<BigDecimal> parts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            parts.add(BigDecimal.valueOf(cents / n + (k < cents % n ? 1 : 0), 2));
        }
        return parts;
    }

    private static Optional<Center> center(Cell cell, Centers centers) {
        return cell.required(CENTER, Cell.NAME_LIMIT).flatMap(name -> centers.named(cell, CENTER, name));
    }

    /** Employees in order with ids {@code E001}…, one name once per center. */
    private static final class Builder {
        private final List<Employee> employees = new ArrayList<>();
        private final Map<String, Map<String, Employee>> byCenter = new LinkedHashMap<>();

        void add(Cell cell, Center center, String name, String position, BigDecimal annualCost, BigDecimal contracted) {
            Map<String, Employee> ofCenter = byCenter.computeIfAbsent(center.id(), k -> new LinkedHashMap<>());
            if (ofCenter.containsKey(Headers.normalized(name))) {
                if (cell != null) {
                    cell.error(NAME, "«" + name + "» ya está en el centro «" + center.name() + "»: dos funcionarios con "
                            + "el mismo nombre no se distinguen en las filas de costos", "the same name twice in one center");
                }
                return;
            }
            Employee e = new Employee(String.format("E%03d", employees.size() + 1), center.id(), name, position,
                    annualCost, contracted);
            employees.add(e);
            ofCenter.put(Headers.normalized(name), e);
        }

        Staff build() {
            return new Staff(List.copyOf(employees), byCenter);
        }
    }
}
