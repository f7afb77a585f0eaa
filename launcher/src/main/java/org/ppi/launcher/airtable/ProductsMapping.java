package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.launcher.airtable.CentersMapping.Centers;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Frequency;
import org.ppi.launcher.demo.DemoInstitution.Product;
import org.ppi.launcher.demo.DemoInstitution.ProductType;
import org.ppi.launcher.demo.DemoInstitution.UserGroup;

/**
 * The table "Productos" with its rasgos productivos: center, type (terminal / intermedio), CORE, users, volume and
 * its unit, frequency, elaboration time, process steps (one per line), problems and synergies. A product is known
 * by its name within its center: two centers may each have an "Informe mensual".
 */
final class ProductsMapping {
    static final List<String> NAME = List.of("Producto", "Nombre", "Product", "Name");
    static final List<String> CENTER = List.of("Centro de producción", "Centro", "Center");
    static final List<String> DESCRIPTION = List.of("Descripción", "Descripcion", "Description");
    static final List<String> TYPE = List.of("Tipo", "Tipo de producto", "Type");
    static final List<String> CORE = List.of("CORE", "Core", "Producto CORE");
    static final List<String> USERS = List.of("Usuarios", "Users");
    static final List<String> VOLUME = List.of("Volumen", "Volumen anual", "Volume");
    static final List<String> UNIT = List.of("Unidad", "Unidad de medida", "Unit");
    static final List<String> FREQUENCY = List.of("Frecuencia", "Periodicidad", "Frequency");
    static final List<String> ELABORATION = List.of("Tiempo de elaboración", "Elaboration time");
    static final List<String> STEPS = List.of("Pasos del proceso", "Proceso", "Process steps");
    static final List<String> PROBLEMS = List.of("Problemas y restricciones", "Problemas", "Problems");
    static final List<String> SYNERGIES = List.of("Sinergias", "Sinergia con otros productos", "Synergies");

    private static final Map<String, UserGroup> USER_NAMES = Map.of("ciudadanos", UserGroup.CITIZENS,
            "ciudadania", UserGroup.CITIZENS, "otras instituciones", UserGroup.OTHER_INSTITUTIONS,
            "instituciones", UserGroup.OTHER_INSTITUTIONS, "empresas", UserGroup.COMPANIES,
            "unidades internas", UserGroup.INTERNAL_UNITS, "citizens", UserGroup.CITIZENS,
            "other institutions", UserGroup.OTHER_INSTITUTIONS, "companies", UserGroup.COMPANIES,
            "internal units", UserGroup.INTERNAL_UNITS);
    private static final Map<String, Frequency> FREQUENCY_NAMES = Map.ofEntries(Map.entry("diaria", Frequency.DAILY),
            Map.entry("diario", Frequency.DAILY), Map.entry("semanal", Frequency.WEEKLY),
            Map.entry("mensual", Frequency.MONTHLY), Map.entry("trimestral", Frequency.QUARTERLY),
            Map.entry("anual", Frequency.YEARLY), Map.entry("a demanda", Frequency.ON_DEMAND),
            Map.entry("por demanda", Frequency.ON_DEMAND), Map.entry("daily", Frequency.DAILY),
            Map.entry("weekly", Frequency.WEEKLY), Map.entry("monthly", Frequency.MONTHLY),
            Map.entry("quarterly", Frequency.QUARTERLY), Map.entry("yearly", Frequency.YEARLY),
            Map.entry("on demand", Frequency.ON_DEMAND));

    record Products(List<Product> products, Map<String, Map<String, Product>> byCenter) {
        Optional<Product> in(String centerId, String name) {
            return Optional.ofNullable(byCenter.getOrDefault(centerId, Map.of()).get(Headers.normalized(name)));
        }

        /** A product named so in exactly one center. */
        List<Product> named(String name) {
            return byCenter.values().stream().map(m -> m.get(Headers.normalized(name))).filter(p -> p != null).toList();
        }
    }

    private ProductsMapping() {
    }

    static Products map(ExportTable table, Centers centers, MappingReport report) {
        List<Product> products = new ArrayList<>();
        Map<String, Map<String, Product>> byCenter = new LinkedHashMap<>();
        for (ExportTable.Row row : table.rows()) {
            Cell cell = new Cell(table, row, report);
            Optional<String> name = cell.required(NAME, Cell.NAME_LIMIT);
            Optional<String> centerName = cell.required(CENTER, Cell.NAME_LIMIT);
            Optional<Center> center = centerName.flatMap(given -> centers.named(cell, CENTER, given));
            Optional<ProductType> type = type(cell);
            Optional<BigDecimal> volume = cell.number(VOLUME);
            if (volume.isPresent() && volume.get().signum() < 0) {
                cell.error(VOLUME, "el volumen no puede ser negativo", "the volume cannot be negative");
                continue;
            }
            if (name.isEmpty() || center.isEmpty() || type.isEmpty()) {
                continue;
            }
            Map<String, Product> ofCenter = byCenter.computeIfAbsent(center.get().id(), k -> new LinkedHashMap<>());
            if (ofCenter.containsKey(Headers.normalized(name.get()))) {
                cell.error(NAME, "«" + name.get() + "» ya es un producto del centro «" + center.get().name() + "»",
                        "the product is already in that center");
                continue;
            }
            boolean core = cell.text(CORE, Cell.NAME_LIMIT).map(Cells::checked).orElse(false);
            if (core && type.get() == ProductType.INTERMEDIATE) {
                cell.warning(CORE, "un producto intermedio no es CORE (solo los terminales): se importa sin CORE",
                        "an intermediate product is not CORE: imported without it");
                core = false;
            }
            if (volume.isEmpty() || volume.get().signum() == 0) {
                cell.warning(VOLUME, "sin volumen: el producto no tendrá costo unitario (una brecha señalada)",
                        "no volume: the product gets no unit cost (a flagged gap)");
            }
            Product product = new Product(String.format("P%03d", products.size() + 1), center.get().id(), name.get(),
                    cell.text(DESCRIPTION, Cell.TEXT_LIMIT).orElse(null), type.get(), core, volume.orElse(null),
                    cell.text(UNIT, Cell.NAME_LIMIT).orElse(null), users(cell), frequency(cell),
                    cell.text(ELABORATION, Cell.NAME_LIMIT).orElse(null),
                    cell.text(STEPS, Cell.TEXT_LIMIT).map(Cells::lines).orElse(List.of()),
                    cell.text(PROBLEMS, Cell.TEXT_LIMIT).orElse(null), cell.text(SYNERGIES, Cell.TEXT_LIMIT).orElse(null));
            products.add(product);
            ofCenter.put(Headers.normalized(name.get()), product);
        }
        return new Products(List.copyOf(products), byCenter);
    }

    private static Optional<ProductType> type(Cell cell) {
        Optional<String> text = cell.required(TYPE, Cell.NAME_LIMIT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = Headers.normalized(text.get());
        if (t.startsWith("terminal") || t.startsWith("final")) {
            return Optional.of(ProductType.TERMINAL);
        }
        if (t.startsWith("intermedi")) {
            return Optional.of(ProductType.INTERMEDIATE);
        }
        cell.error(TYPE, "tipo «" + text.get() + "» desconocido: se espera Terminal o Intermedio",
                "unknown type: Terminal or Intermedio expected");
        return Optional.empty();
    }

    private static List<UserGroup> users(Cell cell) {
        List<UserGroup> groups = new ArrayList<>();
        for (String value : cell.text(USERS, Cell.TEXT_LIMIT).map(Cells::list).orElse(List.of())) {
            UserGroup group = USER_NAMES.get(Headers.normalized(value));
            if (group == null) {
                cell.warning(USERS, "usuario «" + value + "» desconocido (ciudadanos, otras instituciones, empresas, "
                        + "unidades internas): no se importa", "unknown user group: not imported");
            } else if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        return groups;
    }

    private static Frequency frequency(Cell cell) {
        Optional<String> text = cell.text(FREQUENCY, Cell.NAME_LIMIT);
        if (text.isEmpty()) {
            return null;
        }
        Frequency f = FREQUENCY_NAMES.get(Headers.normalized(text.get()));
        if (f == null) {
            cell.warning(FREQUENCY, "frecuencia «" + text.get() + "» desconocida: no se importa", "unknown frequency: not imported");
        }
        return f;
    }
}
