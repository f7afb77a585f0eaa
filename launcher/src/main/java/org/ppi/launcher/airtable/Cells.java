package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values as Airtable exports them: currency with its symbol and thousands separators ({@code RD$1,234.56}, also
 * {@code 1.234,56} from a Spanish-locale spreadsheet), percentages ({@code 5.00%}), checkboxes ({@code checked}),
 * multiple selects separated by commas.
 */
final class Cells {
    /** A currency before or after the figure ("RD$", "US$ ", " DOP"); letters inside a figure make it no number. */
    private static final Pattern CURRENCY = Pattern.compile("^[\\p{L}\\p{Sc}\\s\\u00A0]+|[\\p{L}\\p{Sc}\\s\\u00A0%]+$");
    private static final Pattern GROUPING_SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> TRUE = Set.of("checked", "true", "si", "yes", "x", "1", "verdadero");

    private Cells() {
    }

    /**
     * An amount or a count: the symbols dropped; with both separators the last one is the decimal one; with only
     * commas, one comma not followed by exactly three digits is a decimal comma ({@code 12,5}), otherwise they group
     * thousands ({@code 1,234,567}). Empty when the text is no number (the caller reports it).
     */
    static Optional<BigDecimal> number(String text) {
        String s = GROUPING_SPACES.matcher(CURRENCY.matcher(text.strip()).replaceAll("")).replaceAll("");
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            s = lastComma > lastDot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (lastComma >= 0) {
            boolean oneDecimalComma = s.indexOf(',') == lastComma && s.length() - lastComma - 1 != 3;
            s = oneDecimalComma ? s.replace(',', '.') : s.replace(",", "");
        }
        return PLAIN_NUMBER.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }

    static boolean checked(String text) {
        return TRUE.contains(Headers.normalized(text));
    }

    /** The values of a multiple select; Airtable quotes a value that holds a comma, so "a, b" are two values. */
    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Lines of a long-text cell (the process steps, one per line). */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
