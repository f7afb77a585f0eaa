package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ppi.launcher.airtable.CostRowsMapping.ExpectedCost;
import tools.jackson.databind.JsonNode;

/**
 * The platform's cost table against the base's: every row of the export that carried a cost is looked up in the
 * platform's product costs (employee's labour on the product) and compared to the cent.
 */
public final class CostTableCheck {

    public record Difference(ExpectedCost expected, BigDecimal platform) {
        public String shown() {
            return "fila " + expected.line() + ": " + expected.productName() + " × " + expected.employeeName()
                    + ": base " + expected.cost().toPlainString() + ", plataforma "
                    + (platform == null ? "sin fila" : platform.toPlainString());
        }
    }

    public record Result(int compared, List<Difference> differences) {
        public boolean reproduced() {
            return differences.isEmpty();
        }
    }

    private CostTableCheck() {
    }

    /** @param productPages the items of {@code GET /api/costing/products}, every page */
    public static Result compare(List<ExpectedCost> expected, List<JsonNode> productPages) {
        Map<String, BigDecimal> platform = new HashMap<>();
        for (JsonNode product : productPages) {
            for (JsonNode row : product.path("rows")) {
                platform.put(product.path("productId").asString() + "|" + row.path("employeeId").asString(),
                        row.path("labour").decimalValue());
            }
        }
        List<Difference> differences = new ArrayList<>();
        for (ExpectedCost e : expected) {
            BigDecimal found = platform.get(e.productId() + "|" + e.employeeId());
            if (found == null || found.setScale(2, RoundingMode.HALF_UP).compareTo(e.cost().setScale(2, RoundingMode.HALF_UP)) != 0) {
                differences.add(new Difference(e, found));
            }
        }
        return new Result(expected.size(), differences);
    }
}
