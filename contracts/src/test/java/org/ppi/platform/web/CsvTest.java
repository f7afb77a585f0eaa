package org.ppi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesWhatASpreadsheetReadsBackUnchanged() {
        String csv = new Csv().row("Producto", "Costo").row("Informe, anual \"2026\"", new BigDecimal("392982.46"))
                .row("=HYPERLINK(\"x\")", new BigDecimal("-5.00")).row(null, 3).toString();
        assertThat(csv).isEqualTo("\uFEFFProducto,Costo\r\n\"Informe, anual \"\"2026\"\"\",392982.46\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",-5.00\r\n,3\r\n");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "\t=1", "\r=1", "-", "+", "=", "-12.5e3", "--1", "-1,5"})
    void prefixesEveryCellASpreadsheetWouldRunAsAFormula(String text) {
        assertThat(Csv.runsAsFormula(text)).isTrue();
        assertThat(Csv.cell(text).replace("\"", "")).startsWith("'" + text.charAt(0));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-12.5", "+3", "-7", "12.50", "Informe", "a=b", "", " =x"})
    void leavesPlainNumbersAndOrdinaryTextAlone(String text) {
        assertThat(Csv.runsAsFormula(text)).isFalse();
        assertThat(Csv.cell(text)).doesNotStartWith("'");
    }

    @Test
    void aTabOrCarriageReturnAtTheStartIsQuotedAndPrefixed() {
        assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(new Csv().row("-12.5", new BigDecimal("-12.5")).toString()).isEqualTo("\uFEFF-12.5,-12.5\r\n");
    }
}

class PageQueryTest {

    @Test
    void joinsADirectionThatSpringSplitOffItsField() {
        assertThat(PageQuery.normalize(java.util.List.of("name", "desc", "id"))).containsExactly("name,desc", "id");
        assertThat(PageQuery.normalize(java.util.List.of("name,asc", "cost,desc"))).containsExactly("name,asc", "cost,desc");
    }

    @Test
    void refusesAnUnknownSortFieldAndAnOversizedPage() {
        var columns = PageQuery.columns("name", "name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageQuery.of(0, 50, java.util.List.of("salary"), columns, "id"))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.code()).isEqualTo("request.sort-unknown"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageQuery.of(0, 5000, null, columns, "id"))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.code()).isEqualTo("request.page-size"));
        assertThat(PageQuery.of(2, 10, java.util.List.of("name", "desc"), columns, "id").orderAndLimit())
                .isEqualTo(" order by name desc, id limit 10 offset 20");
    }

    @Test
    void refusesAPageThatWouldOverflowOrStartAbsurdlyFar() {
        var columns = PageQuery.columns("name", "name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageQuery.of(Integer.MAX_VALUE, 1000, null, columns, "id"))
                .isInstanceOfSatisfying(DomainRejection.class, e -> {
                    assertThat(e.code()).isEqualTo("request.page-out-of-range");
                    assertThat(e.status()).isEqualTo(400);
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageQuery.of(-1, 10, null, columns, "id"))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.code()).isEqualTo("request.page-negative"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageQuery.of(0, Integer.MIN_VALUE, null, columns, "id"))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.code()).isEqualTo("request.page-size"));
        assertThat(PageQuery.of(1000, 1000, null, columns, "id").offset()).isEqualTo(PageQuery.MAX_OFFSET);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageQuery.of(1001, 1000, null, columns, "id"))
                .isInstanceOf(DomainRejection.class);
    }

    @Test
    void anInMemoryPageFarPastTheRowsIsEmptyAndAnAbsurdOneIsRefused() {
        var rows = java.util.List.of("a", "b", "c");
        var orders = java.util.Map.<String, java.util.Comparator<String>>of();
        assertThat(InMemoryPage.page(rows, 500, 10, null, orders, java.util.Comparator.naturalOrder()).items()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InMemoryPage.page(rows, Integer.MAX_VALUE, 1000, null,
                        orders, java.util.Comparator.naturalOrder()))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.code()).isEqualTo("request.page-out-of-range"));
    }
}
