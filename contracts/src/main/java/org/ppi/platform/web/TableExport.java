package org.ppi.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A view's download: its {@link ExportTable} written as CSV ({@link Csv}: UTF-8 with BOM, formula guard) or XLSX
 * ({@link XlsxTable}), headers in the caller's language (the request's locale, as for error messages: Spanish
 * unless {@code Accept-Language: en}), as an attachment named {@code <name>_<institution>_<date>.<ext>}. The date
 * is the as-of instant's (UTC) when the figures were asked as of one, else today's (UTC).
 */
public final class TableExport {
    private TableExport() {
    }

    /**
     * The download in this format and language ({@code LocaleContextHolder.getLocale()} in a request). Parse the
     * format with {@link ExportFormat#of} before computing the view, so a bad one is refused before any work.
     */
    public static ResponseEntity<byte[]> download(ExportTable table, ExportFormat format, String name,
                                                  String institutionId, Instant asOf, Locale locale) {
        byte[] body = format == ExportFormat.CSV ? csv(table, locale).toString().getBytes(StandardCharsets.UTF_8)
                : XlsxTable.write(table, locale);
        return ResponseEntity.ok().contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(name, institutionId, asOf, format)).build().toString())
                .body(body);
    }

    /** {@code costos-por-producto_demo-defensoria_2026-12-02.xlsx}: only letters, digits, dots, dashes, underscores. */
    static String fileName(String name, String institutionId, Instant asOf, ExportFormat format) {
        LocalDate date = LocalDate.ofInstant(asOf == null ? Instant.now() : asOf, ZoneOffset.UTC);
        return safe(name) + "_" + safe(institutionId) + "_" + date + "." + format.extension();
    }

    static Csv csv(ExportTable table, Locale locale) {
        Csv csv = new Csv().row(table.headers(locale).toArray());
        for (List<Object> row : table.rows()) {
            Object[] cells = new Object[row.size()];
            for (int i = 0; i < cells.length; i++) {
                Object value = row.get(i);
                cells[i] = value == null ? null : switch (table.columns().get(i).type()) {
                    case TEXT -> ExportTable.text(value, locale);
                    case DATE -> value.toString();
                    case AMOUNT, NUMBER -> value;
                };
            }
            csv.row(cells);
        }
        return csv;
    }

    private static String safe(String text) {
        return text == null || text.isBlank() ? "ppi" : text.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
