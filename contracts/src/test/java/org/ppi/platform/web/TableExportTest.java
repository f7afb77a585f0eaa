package org.ppi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ppi.platform.web.ExportTable.Column;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class TableExportTest {
    private static final Locale ES = Locale.forLanguageTag("es");
    private static final Locale EN = Locale.forLanguageTag("en-US");
    private static final Instant AS_OF = Instant.parse("2026-03-03T10:15:30Z");

    private static ExportTable table() {
        return ExportTable.of("Costos", "Costs",
                        Column.text("name", "Producto", "Product"), Column.text("core", "CORE", "CORE"),
                        Column.amount("cost", "Costo", "Cost"), Column.number("hours", "Horas", "Hours"),
                        Column.date("at", "Fecha", "Date"))
                .row("=HYPERLINK(\"http://x\")", true, new BigDecimal("122680876.535"), new BigDecimal("12.500"), AS_OF)
                .row("-12.5", false, new BigDecimal("-5"), 3, null);
    }

    @Test
    void csvHasTheHeadersInTheCallersLanguageAndGuardsFormulas() {
        assertThat(TableExport.csv(table(), ES).toString()).isEqualTo("\uFEFFProducto,CORE,Costo,Horas,Fecha\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",Sí,122680876.54,12.5,2026-03-03T10:15:30Z\r\n"
                + "-12.5,No,-5.00,3,\r\n");
        assertThat(TableExport.csv(table(), EN).toString()).startsWith("\uFEFFProduct,CORE,Cost,Hours,Date\r\n")
                .contains(",Yes,");
    }

    @Test
    void xlsxHasNumericAmountsWithCentsStringTextsAndNoFormula() throws IOException {
        ResponseEntity<byte[]> response = TableExport.download(table(), ExportFormat.XLSX, "costos-por-producto",
                "demo:defensoria", AS_OF, EN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(ExportFormat.XLSX.mediaType());
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"costos-por-producto_demo-defensoria_2026-03-03.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Costs");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Product");
            var name = sheet.getRow(1).getCell(0);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            var cost = sheet.getRow(1).getCell(2);
            assertThat(cost.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(cost.getNumericCellValue()).setScale(2)).isEqualByComparingTo("122680876.54");
            assertThat(cost.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Yes");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(12.5);
            assertThat(sheet.getRow(1).getCell(4).getLocalDateTimeCellValue()).isEqualTo("2026-03-03T10:15:30");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("-12.5");
            assertThat(sheet.getRow(2).getCell(4)).isNull();
            for (var row : sheet) {
                row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA));
            }
        }
    }

    @Test
    void spanishIsTheDefaultAndAnUnknownFormatIsRefused() throws IOException {
        ResponseEntity<byte[]> csv = TableExport.download(table(), ExportFormat.of("CSV"), "x", "i", null, Locale.FRENCH);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).startsWith("\uFEFFProducto,");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).matches("attachment; filename=\"x_i_\\d{4}-\\d\\d-\\d\\d\\.csv\"");
        assertThatThrownBy(() -> ExportFormat.of("pdf")).isInstanceOfSatisfying(DomainRejection.class, e -> {
            assertThat(e.code()).isEqualTo("export.format-unknown");
            assertThat(e.status()).isEqualTo(400);
        });
        assertThatThrownBy(() -> table().row("only one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportTable.of("a", "a", Column.amount("x", "x", "x")).row("12.5"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
