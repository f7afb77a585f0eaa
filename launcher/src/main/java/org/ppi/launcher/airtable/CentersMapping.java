package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.launcher.demo.DemoInstitution.Area;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Scope;

/**
 * The table "Centros de producción": each row a center with its ámbito (one scope per distinct name), area,
 * superior center, función, organización, manager and non-labour cost. Ids are given in file order
 * ({@code C01}, {@code S1}), since an Airtable export carries names only.
 */
final class CentersMapping {
    static final List<String> NAME = List.of("Nombre", "Centro de producción", "Centro", "Name", "Center");
    static final List<String> SCOPE = List.of("Ámbito", "Ambito", "Scope");
    static final List<String> AREA = List.of("Área", "Tipo de área", "Tipo de centro", "Area");
    static final List<String> PARENT = List.of("Depende de", "Centro superior", "Parent center");
    static final List<String> FUNCTION = List.of("Función", "Function");
    static final List<String> ORGANIZATION = List.of("Organización", "Organization");
    static final List<String> MANAGER = List.of("Responsable", "Jefe", "Manager");
    static final List<String> NON_LABOUR = List.of("Costo no laboral", "Costos no laborales", "Gasto no laboral",
            "Non-labour cost");

    record Centers(List<Scope> scopes, List<Center> centers, Map<String, Center> byName) {
        Optional<Center> named(String name) {
            return Optional.ofNullable(byName.get(Headers.normalized(name)));
        }

        /** The center a row names in {@code column}; one the centers table lacks is reported at that cell. */
        Optional<Center> named(Cell cell, List<String> column, String name) {
            Optional<Center> center = named(name);
            if (center.isEmpty()) {
                cell.error(column, "el centro «" + name + "» no está en la tabla de centros: la fila no se importa",
                        "the center is not in the centers table: the row is not imported");
            }
            return center;
        }
    }

    private CentersMapping() {
    }

    static Centers map(ExportTable table, MappingReport report) {
        Map<String, Scope> scopes = new LinkedHashMap<>();
        Map<String, Center> byName = new LinkedHashMap<>();
        Map<String, String> parentNames = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (ExportTable.Row row : table.rows()) {
            Cell cell = new Cell(table, row, report);
            Optional<String> name = cell.required(NAME, Cell.NAME_LIMIT);
            if (name.isEmpty()) {
                continue;
            }
            if (byName.containsKey(Headers.normalized(name.get()))) {
                cell.error(NAME, "el centro «" + name.get() + "» ya está en la fila " + lines.get(Headers.normalized(name.get())),
                        "the center is already on another row");
                continue;
            }
            String scopeId = cell.text(SCOPE, Cell.NAME_LIMIT).map(s -> scopes.computeIfAbsent(Headers.normalized(s),
                    k -> new Scope("S" + (scopes.size() + 1), s)).id()).orElse(null);
            Optional<BigDecimal> nonLabour = cell.number(NON_LABOUR);
            if (nonLabour.isPresent() && nonLabour.get().signum() < 0) {
                cell.error(NON_LABOUR, "el costo no laboral no puede ser negativo", "the non-labour cost cannot be negative");
                continue;
            }
            String id = String.format("C%02d", byName.size() + 1);
            Center center = new Center(id, name.get(), scopeId, area(cell), cell.text(FUNCTION, Cell.TEXT_LIMIT).orElse(null),
                    cell.text(ORGANIZATION, Cell.TEXT_LIMIT).orElse(null), cell.text(MANAGER, Cell.NAME_LIMIT).orElse(null),
                    null, nonLabour.orElse(null));
            byName.put(Headers.normalized(name.get()), center);
            lines.put(Headers.normalized(name.get()), row.line());
            cell.text(PARENT, Cell.NAME_LIMIT).ifPresent(parent -> parentNames.put(id, parent));
        }
        List<Center> centers = new ArrayList<>();
        for (Center c : byName.values()) {
            String parentName = parentNames.get(c.id());
            Center parent = parentName == null ? null : byName.get(Headers.normalized(parentName));
            if (parentName != null && parent == null) {
                report.warning(table.file(), lines.get(Headers.normalized(c.name())), PARENT.get(0), "el centro superior «"
                        + parentName + "» no está en la tabla: se importa sin superior", "the parent center is not in the table");
            }
            centers.add(parent == null ? c : new Center(c.id(), c.name(), c.scopeId(), c.area(), c.function(),
                    c.organization(), c.manager(), parent.id(), c.nonLabourCost()));
        }
        Map<String, Center> resolved = new LinkedHashMap<>();
        centers.forEach(c -> resolved.put(Headers.normalized(c.name()), c));
        return new Centers(List.copyOf(scopes.values()), centers, resolved);
    }

    /** Sustantiva / de apoyo; anything else is reported and read as sustantiva, the method's default. */
    private static Area area(Cell cell) {
        Optional<String> text = cell.text(AREA, Cell.NAME_LIMIT);
        if (text.isEmpty()) {
            return Area.SUBSTANTIVE;
        }
        String a = Headers.normalized(text.get());
        if (a.startsWith("sustantiv") || a.startsWith("substantive") || a.startsWith("misional")) {
            return Area.SUBSTANTIVE;
        }
        if (a.contains("apoyo") || a.startsWith("support") || a.startsWith("administrativ")) {
            return Area.SUPPORT;
        }
        cell.warning(AREA, "área «" + text.get() + "» desconocida (sustantiva o de apoyo): se importa como sustantiva",
                "unknown area (substantive or support): imported as substantive");
        return Area.SUBSTANTIVE;
    }
}
