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
}
