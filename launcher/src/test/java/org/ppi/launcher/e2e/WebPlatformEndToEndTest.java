package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoLoader;
import tools.jackson.databind.JsonNode;

/**
 * The web pages in the machine's real headless Chromium, against the platform as {@code ./ppi start} starts it (the
 * gateway serves the pages on the API's port) with the demo institution: a surveyor signs in on the identity
 * provider's page, every page shows the API's numbers, a grouped table sums as the API does, CSV and XLSX downloads
 * hold what is shown, an allocation edited in Captura changes the product's cost on Costos, that figure's lineage
 * names the edit and its user, an as-of instant before the edit shows the old figure, and English is one switch
 * away. Every page's screenshot lands in {@code launcher/target/screenshots/}.
 */
@Order(3)
@ExtendWith(E2ePlatform.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPlatformEndToEndTest {
    private static final String DEMO = E2ePlatform.DEMO;
    private static final Duration FIGURES_CATCH_UP = Duration.ofMinutes(2);
    // An open interview of the demo and one of its cells (web/TESTING.md, Captura).
    private static final String INTERVIEW = DEMO + ".I23";
    private static final String EMPLOYEE = DEMO + ".E062";
    private static final String PRODUCT = DEMO + ".P181";

    private final GatewayClient api;
    private final Browser browser;

    WebPlatformEndToEndTest(E2ePlatform e2e) {
        this.api = e2e.as(DEMO, "surveyor");
        if (api.send("GET", "/api/survey/centers?size=1", null).body().path("totalItems").asInt() == 0) {
            // Alone (not after PlatformEndToEndTest): load the demo institution the same way.
            new DemoLoader(e2e.platform.gateway(), java.net.http.HttpClient.newHttpClient())
                    .load(DemoInstitution.bundled().prefixed(DEMO), E2eUsers.admin(e2e.issuer),
                            E2eUsers.of(e2e.issuer, DEMO, "institution-admin"));
        }
        api.await("/api/costing/institution", i -> i.path("products").asInt() == 258, FIGURES_CATCH_UP);
        this.browser = Browser.open(e2e.platform.gateway());
    }

    @BeforeAll
    void signIn() {
        browser.signIn(E2eUsers.username(DEMO, "surveyor"), E2eUsers.PASSWORD);
        assertThat(browser.textOf("session-institution", t -> !t.isBlank())).isEqualTo(DEMO);
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    @Order(1)
    void everyPageShowsTheApisNumbers() {
        JsonNode summary = api.get("/api/costing/summary");
        browser.go("/");
        assertThat(value("summary-products")).isEqualTo(summary.path("products").asString());
        assertThat(value("summary-participating-employees")).isEqualTo(summary.path("participatingEmployees").asString());
        assertThat(value("summary-volume-gaps")).isEqualTo(summary.path("volumeGaps").asString());
        assertThat(money(value("summary-total-cost"))).isEqualTo(money(summary.path("institution").path("totalCost")));
        assertThat(browser.byTestId("summary-total-cost").getText()).startsWith("RD$ ").contains(",");
        browser.screenshot("01-resumen");

        browser.go("/funciones");
        long employees = 0;
        for (JsonNode group : api.get("/api/survey/views/functions-and-organization").path("groups")) {
            employees += group.path("employees").asLong();
        }
        assertThat(Long.parseLong(value("functions-total-employees"))).isEqualTo(employees);
        browser.screenshot("02-funciones");

        browser.go("/productos");
        assertThat(value("products-total")).isEqualTo(api.get("/api/catalog/products?size=1").path("totalItems").asString());
        assertThat(value("products-volume-gaps")).isEqualTo(summary.path("volumeGaps").asString());
        browser.screenshot("03-productos");

        browser.go("/cadenas");
        browser.byTestId("chains-sankey");
        assertThat(new Select(browser.byTestId("chains-diagram-chain")).getOptions().size())
                .isGreaterThanOrEqualTo(api.get("/api/valuechain/chains?size=1").path("totalItems").asInt());
        browser.screenshot("04-cadenas");

        JsonNode institution = api.get("/api/costing/institution");
        browser.go("/costos");
        assertThat(money(value("costs-total-cost"))).isEqualTo(money(institution.path("totalCost")));
        assertThat(browser.byTestId("costs-method").getAttribute("data-method")).isEqualTo(institution.path("method").asString());
        browser.screenshot("05-costos");

        JsonNode budget = api.get("/api/budget/summary");
        browser.go("/presupuesto");
        assertThat(money(value("budget-line-TOTAL"))).isEqualTo(money(budget.path("total")));
        assertThat(value("budget-reconciles")).isEqualTo(budget.path("reconciles").asString());
        browser.screenshot("06-presupuesto");

        browser.go("/captura");
        browser.byTestId("captura-center-select");
        browser.screenshot("07-captura");

        browser.go("/linaje");
        browser.byTestId("why-changes-grid");
        browser.screenshot("08-linaje");
        assertThat(browser.all("body").get(0).getText()).doesNotContain("Infinity", "NaN", "undefined");
    }

    @Test
    @Order(2)
    void theLabourTableGroupedByProductSumsEachGroupAsTheApi() {
        JsonNode product = api.get("/api/costing/products/" + PRODUCT);
        browser.go("/costos");
        browser.byTestId("costs-tab-labour").click();
        browser.byTestId("costs-labour-filter-product").sendKeys(product.path("productName").asString());
        WebElement group = browser.await(d -> d.findElements(By.cssSelector("[data-testid='costs-labour-group']")).stream()
                .filter(g -> product.path("productName").asString().equals(g.getAttribute("data-group-value")))
                .findFirst().orElse(null));
        assertThat(Integer.parseInt(group.getAttribute("data-count"))).isEqualTo(product.path("rows").size());
        String labour = group.findElement(By.cssSelector("td[data-col='labour'][data-agg='sum']")).getAttribute("data-value");
        assertThat(money(labour)).isEqualTo(money(product.path("labour")));
        String hours = group.findElement(By.cssSelector("td[data-col='hours'][data-agg='sum']")).getAttribute("data-value");
        assertThat(new BigDecimal(hours)).isEqualByComparingTo(product.path("hours").decimalValue());
        browser.screenshot("05b-costos-agrupado");
    }

    @Test
    @Order(3)
    void csvAndXlsxDownloadsHoldExactlyWhatTheTableShows() {
        List<JsonNode> products = new ArrayList<>();
        api.get("/api/costing/products?size=1000").path("items").forEach(products::add);
        BigDecimal threshold = new BigDecimal("1000000");
        List<JsonNode> expensive = products.stream().filter(p -> p.path("direct").decimalValue().compareTo(threshold) > 0).toList();
        assertThat(expensive).as("the filter keeps some products and drops others").isNotEmpty().hasSizeLessThan(products.size());

        browser.go("/costos");
        browser.byTestId("costs-tab-products").click();
        browser.byTestId("costs-products-filter-direct").sendKeys(">1000000");
        browser.await(d -> String.valueOf(expensive.size()).equals(browser.byTestId("costs-products-row-count").getAttribute("data-count")));
        String volumeHeader = browser.first("th[data-col='volume']").getText().trim();
        browser.byTestId("costs-products-columns").click();
        browser.byTestId("costs-products-col-toggle-volume").click();
        String directHeader = browser.first("th[data-col='direct']").getText().trim();

        Instant before = Instant.now();
        browser.byTestId("costs-products-csv").click();
        List<List<String>> csv = CsvTable.rows(browser.download(".csv", before));
        before = Instant.now();
        browser.byTestId("costs-products-xlsx").click();
        List<List<String>> xlsx = XlsxSheet.rows(browser.download(".xlsx", before));

        for (List<List<String>> sheet : List.of(csv, xlsx)) {
            List<String> header = sheet.get(0);
            assertThat(header).as("the hidden column is left out").doesNotContain(volumeHeader);
            int direct = header.indexOf(directHeader);
            assertThat(direct).as("header %s has %s", header, directHeader).isNotNegative();
            List<List<String>> rows = sheet.subList(1, sheet.size()).stream()
                    .filter(r -> !r.isEmpty() && !r.get(0).equals("Total")).toList();
            assertThat(rows).hasSize(expensive.size());
            // an xlsx keeps numbers as binary doubles: each one is the shown figure once rounded to cents
            BigDecimal sum = rows.stream().map(r -> money(r.get(direct))).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = expensive.stream().map(p -> money(p.path("direct"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isEqualByComparingTo(expected);
        }
    }

    @Test
    @Order(4)
    void anAllocationEditedInCapturaChangesTheCostOnCostosAndItsLineageNamesTheUser() {
        JsonNode before = api.get("/api/costing/products/" + PRODUCT);
        Instant beforeEdit = Instant.now();
        sleep(Duration.ofMillis(1100));
        String center = api.get("/api/survey/employees/" + EMPLOYEE).path("centerId").asString();
        browser.go("/captura?center=" + encode(center) + "&interview=" + encode(INTERVIEW));
        String cellId = "cell-" + EMPLOYEE + "-" + PRODUCT;
        WebElement cell = browser.byTestId(cellId);
        BigDecimal hours = new BigDecimal(cell.getAttribute("value"));
        BigDecimal edited = hours.add(BigDecimal.valueOf(3));
        cell.click();
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), edited.toPlainString(), Keys.ENTER);
        browser.await(d -> "saved".equals(browser.byTestId(cellId).getAttribute("data-state")));
        browser.screenshot("07b-captura-editada");

        JsonNode after = api.await("/api/costing/products/" + PRODUCT,
                p -> p.path("hours").decimalValue().compareTo(before.path("hours").decimalValue().add(BigDecimal.valueOf(3))) == 0,
                FIGURES_CATCH_UP);
        assertThat(money(after.path("direct"))).isGreaterThan(money(before.path("direct")));

        browser.go("/costos");
        browser.byTestId("costs-tab-products").click();
        browser.byTestId("costs-products-filter-product").sendKeys(after.path("productName").asString());
        WebElement directCell = browser.first("td[data-col='direct'][data-row='" + PRODUCT + "']");
        assertThat(money(directCell.getAttribute("data-value"))).isEqualTo(money(after.path("direct")));

        directCell.findElement(By.cssSelector("[data-testid='why']")).click();
        browser.byTestId("lineage-drawer");
        String surveyor = E2eUsers.username(DEMO, "surveyor");
        WebElement edit = browser.await(d -> {
            WebElement found = d.findElements(By.cssSelector("[data-testid='lineage-event']")).stream()
                    .filter(e -> surveyor.equals(e.getAttribute("data-user")) && e.getAttribute("data-type").contains("TimeAllocated"))
                    .findFirst().orElse(null);
            if (found == null) {
                // the lineage comes a page at a time, oldest first: the edit, the newest event, may be on a later page
                d.findElements(By.cssSelector("[data-testid='lineage-more']")).stream().filter(WebElement::isEnabled)
                        .findFirst().ifPresent(WebElement::click);
            }
            return found;
        });
        assertThat(edit.getAttribute("data-interview")).isEqualTo(INTERVIEW);
        browser.screenshot("09-por-que-esta-cifra");

        browser.go("/costos?asOf=" + encode(beforeEdit.toString()));
        browser.byTestId("asof-showing");
        browser.byTestId("costs-tab-products").click();
        browser.byTestId("costs-products-filter-product").sendKeys(after.path("productName").asString());
        String old = browser.await(d -> {
            List<WebElement> cells = d.findElements(By.cssSelector("td[data-col='direct'][data-row='" + PRODUCT + "']"));
            return cells.isEmpty() ? null : cells.get(0).getAttribute("data-value");
        });
        assertThat(money(old)).as("as of before the edit").isEqualTo(money(before.path("direct")));
        browser.screenshot("10-costos-asof");
    }

    @Test
    @Order(5)
    void englishIsOneSwitchAway() {
        browser.go("/costos");
        String spanish = browser.byTestId("nav-costos").getText();
        new Select(browser.byTestId("language")).selectByValue("en");
        browser.await(d -> !browser.byTestId("nav-costos").getText().equals(spanish));
        assertThat(browser.byTestId("nav-costos").getText()).isEqualTo("Costs");
        assertThat(browser.byTestId("costs-total-cost").getText()).startsWith("RD$ ");
        browser.screenshot("11-costs-en");
        new Select(browser.byTestId("language")).selectByValue("es");
        browser.await(d -> browser.byTestId("nav-costos").getText().equals(spanish));
    }

    private String value(String testId) {
        return browser.await(d -> {
            String v = browser.byTestId(testId).getAttribute("data-value");
            return v == null || v.isBlank() ? null : v;
        });
    }

    private static BigDecimal money(JsonNode node) {
        return node.decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(String text) {
        return new BigDecimal(text).setScale(2, RoundingMode.HALF_UP);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
