package org.ppi.survey.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the workbook's sheet from a CSV with Apache Commons CSV. The encoding is found from the bytes: a UTF-8 or
 * UTF-16 byte-order mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel writes on a
 * Spanish Windows). The separator is a comma, or a semicolon when the header line has more of them (Excel's
 * choice where the decimal mark is a comma). Every cell is text; reading stops past {@link WorkbookReader#MAX_ROWS}.
 */
final class CsvReader {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvReader() {
    }

    record Decoded(String text, Charset charset) {
    }

    static WorkbookReader.Result read(byte[] bytes, WorkbookLayout layout, Locale locale) {
        String sheet = layout.sheetName(locale);
        List<WorkbookProblem> problems = new ArrayList<>();
        String text = decode(bytes).text();
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        Grid.Builder grid = new Grid.Builder(sheet);
        try (CSVParser parser = CSVParser.parse(text, format)) {
            int rows = 0;
            for (CSVRecord record : parser) {
                if (++rows > WorkbookReader.MAX_ROWS + WorkbookLayout.INFO_ROWS + 1) {
                    problems.add(WorkbookProblem.at(sheet, null, null, "workbook.too-many-rows", sheet,
                            WorkbookReader.MAX_ROWS));
                    return new WorkbookReader.Result(null, problems);
                }
                if (record.size() > WorkbookReader.MAX_COLUMNS + WorkbookLayout.FIXED_COLUMNS) {
                    problems.add(WorkbookProblem.at(sheet, rows, null, "workbook.too-many-columns", sheet,
                            WorkbookReader.MAX_COLUMNS));
                    return new WorkbookReader.Result(null, problems);
                }
                grid.startRow(rows);
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i);
                    if (!value.isEmpty()) {
                        grid.cell(i, value.startsWith("=") ? Grid.Kind.FORMULA : Grid.Kind.TEXT, value);
                    }
                }
                grid.endRow();
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(WorkbookProblem.file("workbook.csv-malformed", e.getMessage() == null ? "" : e.getMessage()));
            return new WorkbookReader.Result(null, problems);
        }
        return new WorkbookReader.Result(grid.build(), problems);
    }

    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252);
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
