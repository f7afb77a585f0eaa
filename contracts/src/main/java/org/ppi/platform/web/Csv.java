package org.ppi.platform.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV download as spreadsheets read it: UTF-8 with a byte-order mark, comma-separated, CRLF, numbers with a
 * dot and no grouping, text quoted when needed. Text that a spreadsheet would run as a formula (its first
 * character one of = + - @, TAB or CR: OWASP's list for CSV injection) is prefixed with an apostrophe, so a
 * product named "=HYPERLINK(…)" or "-1+1" stays text; a plain number written as text ("-12.5") is a value, not
 * a formula, and is left as it is.
 */
public final class Csv {
    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final String CRLF = "\r\n";
    private final StringBuilder out = new StringBuilder("\uFEFF");

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append(CRLF);
        return this;
    }

    public ResponseEntity<byte[]> download(String fileName) {
        return ResponseEntity.ok().contentType(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    static boolean runsAsFormula(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** The text as it is written: with a leading apostrophe when a spreadsheet would run it as a formula. */
    static String guarded(String text) {
        return runsAsFormula(text) ? "'" + text : text;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = guarded(value.toString());
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
