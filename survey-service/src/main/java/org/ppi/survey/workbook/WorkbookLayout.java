package org.ppi.survey.workbook;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.ppi.survey.web.Messages;
import org.springframework.stereotype.Component;

/**
 * The interview workbook's one sheet, the same in XLSX and CSV. Row 1: employee id, name, position, contracted
 * hours, then one column per product headed by its id. Rows 2–5 describe the products (name, type, yearly volume,
 * unit), labelled in column D. From row 6, one row per employee with its weekly hours on each product (blank = 0).
 * Labels are written in the caller's language and read in Spanish or English.
 */
@Component
class WorkbookLayout {
    static final int FIXED_COLUMNS = 4;
    static final int LABEL_COLUMN = 3;
    static final int INFO_ROWS = 4;
    static final List<String> COLUMNS = List.of("workbook.col.employee-id", "workbook.col.employee",
            "workbook.col.position", "workbook.col.contracted");
    static final List<String> INFO = List.of("workbook.row.product", "workbook.row.type", "workbook.row.volume",
            "workbook.row.unit");
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

    private final Messages messages;

    WorkbookLayout(Messages messages) {
        this.messages = messages;
    }

    String sheetName(Locale locale) {
        return messages.text(locale, "workbook.sheet");
    }

    String label(Locale locale, String key, Object... args) {
        return messages.text(locale, key, args);
    }

    /** Whether a sheet's name is the workbook's sheet in any language. */
    boolean isSheet(String name) {
        return LANGUAGES.stream().anyMatch(l -> sheetName(l).equalsIgnoreCase(name.trim()));
    }

    /** Whether the header of fixed column {@code index} (0–3) reads as it should, in any language. */
    boolean isHeader(int index, String text) {
        return LANGUAGES.stream().anyMatch(l -> messages.text(l, COLUMNS.get(index)).equalsIgnoreCase(text.trim()));
    }

    /** Whether a label in column D names one of the product rows (2–5), in any language. */
    boolean isInfoLabel(String text) {
        return LANGUAGES.stream().flatMap(l -> INFO.stream().map(k -> messages.text(l, k)))
                .anyMatch(label -> label.equalsIgnoreCase(text.trim()));
    }

    List<String> sheetNames() {
        return LANGUAGES.stream().map(this::sheetName).toList();
    }

    Stream<Locale> languages() {
        return LANGUAGES.stream();
    }
}
