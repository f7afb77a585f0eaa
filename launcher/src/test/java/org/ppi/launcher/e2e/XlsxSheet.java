package org.ppi.launcher.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The cells of an .xlsx file's first sheet as text rows (shared, inline and numeric cells), read with the JDK's
 * zip and XML parser: enough to compare a downloaded table with the API, without a spreadsheet library.
 */
final class XlsxSheet {
    private XlsxSheet() {
    }

    static List<List<String>> rows(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> shared = new ArrayList<>();
            var sharedEntry = zip.getEntry("xl/sharedStrings.xml");
            if (sharedEntry != null) {
                NodeList items = parse(zip.getInputStream(sharedEntry)).getElementsByTagName("si");
                for (int i = 0; i < items.getLength(); i++) {
                    shared.add(items.item(i).getTextContent());
                }
            }
            Document sheet = parse(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")));
            List<List<String>> rows = new ArrayList<>();
            NodeList rowNodes = sheet.getElementsByTagName("row");
            for (int r = 0; r < rowNodes.getLength(); r++) {
                TreeMap<Integer, String> cells = new TreeMap<>();
                NodeList cellNodes = ((Element) rowNodes.item(r)).getElementsByTagName("c");
                for (int c = 0; c < cellNodes.getLength(); c++) {
                    Element cell = (Element) cellNodes.item(c);
                    cells.put(column(cell.getAttribute("r")), value(cell, shared));
                }
                List<String> row = new ArrayList<>();
                int last = cells.isEmpty() ? -1 : cells.lastKey();
                for (int i = 0; i <= last; i++) {
                    row.add(cells.getOrDefault(i, ""));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(Element cell, List<String> shared) {
        String type = cell.getAttribute("t");
        if (type.equals("inlineStr")) {
            return cell.getTextContent();
        }
        NodeList v = cell.getElementsByTagName("v");
        String raw = v.getLength() == 0 ? "" : v.item(0).getTextContent();
        return type.equals("s") && !raw.isEmpty() ? shared.get(Integer.parseInt(raw)) : raw;
    }

    /** "C12" → 2 */
    private static int column(String reference) {
        int n = 0;
        for (char ch : reference.toCharArray()) {
            if (!Character.isLetter(ch)) {
                break;
            }
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }

    private static Document parse(InputStream in) {
        try (in) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("not a readable xlsx sheet", e);
        }
    }
}
