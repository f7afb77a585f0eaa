package org.ppi.survey.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the workbook's sheet from an XLSX with Apache POI's streaming (SAX) event API, so a sheet of a hundred
 * thousand rows costs no more memory than the first {@link WorkbookReader#MAX_ROWS}: reading stops there. Each
 * cell keeps its kind: a number's stored digits (never its display format), a text (shared or inline), a formula.
 */
final class XlsxReader {
    private XlsxReader() {
    }

    static WorkbookReader.Result read(byte[] bytes, WorkbookLayout layout) {
        List<WorkbookProblem> problems = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (layout.isSheet(name)) {
                        return new WorkbookReader.Result(parse(sheet, name, strings, problems), problems);
                    }
                }
            }
            problems.add(WorkbookProblem.file("workbook.sheet-missing", String.join(" / ", layout.sheetNames()),
                    String.join(", ", names)));
            return new WorkbookReader.Result(null, problems);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            problems.add(WorkbookProblem.file("workbook.unreadable", "XLSX"));
            return new WorkbookReader.Result(null, problems);
        }
    }

    private static Grid parse(InputStream sheet, String name, ReadOnlySharedStringsTable strings,
                              List<WorkbookProblem> problems) throws IOException, SAXException {
        Grid.Builder grid = new Grid.Builder(name);
        SheetHandler handler = new SheetHandler(grid, strings);
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(sheet));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        } catch (TooManyRows stop) {
            problems.add(WorkbookProblem.at(name, null, null, "workbook.too-many-rows", name, WorkbookReader.MAX_ROWS));
            return null;
        }
        return grid.build();
    }

    private static final class TooManyRows extends SAXException {
        TooManyRows() {
            super("too many rows");
        }
    }

    /** The sheet's XML: {@code <row r>}, {@code <c r t>} holding {@code <f>} (formula), {@code <v>} or {@code <is><t>}. */
    private static final class SheetHandler extends DefaultHandler {
        private final Grid.Builder grid;
        private final ReadOnlySharedStringsTable strings;
        private final StringBuilder value = new StringBuilder();
        private int rows;
        private int nextRow = 1;
        private int nextColumn;
        private int column;
        private String type;
        private boolean formula;
        private boolean collecting;

        SheetHandler(Grid.Builder grid, ReadOnlySharedStringsTable strings) {
            this.grid = grid;
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (localName) {
                case "row" -> {
                    if (++rows > WorkbookReader.MAX_ROWS + WorkbookLayout.INFO_ROWS + 1) {
                        throw new TooManyRows();
                    }
                    String r = attributes.getValue("r");
                    int number = r == null ? nextRow : Integer.parseInt(r);
                    nextRow = number + 1;
                    nextColumn = 0;
                    grid.startRow(number);
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? nextColumn : new CellReference(ref).getCol();
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    formula = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> collecting = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "c" -> cell();
                case "row" -> grid.endRow();
                default -> {
                }
            }
        }

        private void cell() {
            String text = value.toString();
            if (formula) {
                grid.cell(column, Grid.Kind.FORMULA, text);
            } else if (type == null || type.equals("n")) {
                if (!text.isEmpty()) {
                    grid.cell(column, Grid.Kind.NUMBER, text);
                }
            } else if (type.equals("s")) {
                grid.cell(column, Grid.Kind.TEXT, strings.getItemAt(Integer.parseInt(text.trim())).getString());
            } else if (type.equals("b")) {
                grid.cell(column, Grid.Kind.BOOLEAN, text);
            } else if (type.equals("e")) {
                grid.cell(column, Grid.Kind.ERROR, text);
            } else {
                grid.cell(column, Grid.Kind.TEXT, text); // inlineStr, str
            }
        }
    }
}
