package org.ppi.launcher.airtable;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A folder of CSV files exported from a PPI Airtable base, one per table. Airtable names an export
 * {@code <table>-<view>.csv} ("Productos-Grid view.csv"); a file is taken for a table when its name before the
 * first " -"/"-" is one of the table's names, compared without case and accents.
 */
final class ExportFolder {
    /** Larger than any institution's table; a bigger file is not an export of a PPI base. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    enum Kind {
        CENTERS(true, "Centros de producción", "Centros", "Production centers", "Centers"),
        EMPLOYEES(false, "Funcionarios", "Empleados", "Employees"),
        PRODUCTS(true, "Productos", "Products"),
        COSTS(true, "Costos producción", "Costos de producción", "Costos por producto", "Costs by product", "Costs");

        final boolean required;
        final List<String> names;

        Kind(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    private ExportFolder() {
    }

    /** Reads the tables the folder holds; a required table missing or unreadable is an error in the report. */
    static Map<Kind, ExportTable> read(Path folder, MappingReport report) {
        Map<Kind, ExportTable> tables = new EnumMap<>(Kind.class);
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No se puede leer la carpeta " + folder, e);
        }
        for (Path file : files) {
            Optional<Kind> kind = kindOf(file.getFileName().toString());
            if (kind.isEmpty()) {
                report.warning(file.getFileName().toString(), 0, null, "tabla no reconocida: no se importa",
                        "unknown table: not imported");
            } else if (tables.containsKey(kind.get())) {
                report.error(file.getFileName().toString(), 0, null, "otra exportación de la misma tabla ("
                        + tables.get(kind.get()).file() + "): deje una sola", "another export of the same table: keep one");
            } else {
                parse(file, report).ifPresent(t -> tables.put(kind.get(), t));
            }
        }
        for (Kind kind : Kind.values()) {
            if (kind.required && !tables.containsKey(kind)) {
                report.error(kind.names.get(0), 0, null, "falta la exportación de la tabla «" + kind.names.get(0)
                        + "» (" + kind.names.get(0) + "-Grid view.csv)", "the table's CSV export is missing");
            }
        }
        return tables;
    }

    static Optional<Kind> kindOf(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".csv".length());
        int dash = base.indexOf('-');
        String table = Headers.normalized(dash < 0 ? base : base.substring(0, dash));
        for (Kind kind : Kind.values()) {
            if (kind.names.stream().anyMatch(n -> Headers.normalized(n).equals(table))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Optional<ExportTable> parse(Path file, MappingReport report) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                report.error(name, 0, null, "el archivo pasa de " + MAX_FILE_BYTES / 1024 / 1024 + " MB",
                        "the file is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
                return Optional.empty();
            }
            String text = ExportText.decode(Files.readAllBytes(file)).text();
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
                List<String> columns = parser.getHeaderNames();
                List<ExportTable.Row> rows = new ArrayList<>();
                for (CSVRecord record : parser) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (String column : columns) {
                        cells.put(Headers.normalized(column), record.isSet(column) ? record.get(column) : "");
                    }
                    // Line of the record's start as a spreadsheet numbers rows: header = 1.
                    rows.add(new ExportTable.Row((int) record.getRecordNumber() + 1, cells));
                }
                return Optional.of(new ExportTable(name, columns, rows));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            report.error(name, 0, null, "no es un CSV legible: " + e.getMessage(), "not a readable CSV: " + e.getMessage());
            return Optional.empty();
        }
    }
}
