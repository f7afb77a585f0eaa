package org.ppi.costing.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.costing.figures.CenterCostView;
import org.ppi.costing.figures.EmployeeCostView;
import org.ppi.costing.figures.InstitutionCostView;
import org.ppi.costing.figures.ProductCostView;

/**
 * The seed's summary page in one answer: how many products (terminal, intermediate, CORE, with a volume gap),
 * centers and participating employees, products and workers by substantive vs support area, and the estimated
 * cost of each CORE product.
 */
public record CostSummary(InstitutionCostView institution, int products, int terminalProducts, int intermediateProducts,
                          int coreProducts, int volumeGaps, int centers, int employees, int participatingEmployees,
                          List<AreaLine> byArea, List<CoreProductLine> coreProductCosts) {

    /** Products, centers, employees and cost of one area (sustantiva / de apoyo). */
    public record AreaLine(CenterArea area, int centers, int employees, int products, int terminalProducts,
                           BigDecimal payroll, BigDecimal totalCost, BigDecimal unusedCost) {
    }

    /** A CORE product's yearly volume and estimated cost (direct, full, per unit). */
    public record CoreProductLine(String productId, String productName, String centerName, BigDecimal volume,
                                  String volumeUnit, BigDecimal direct, BigDecimal fullCost, BigDecimal fullUnitCost) {
    }

    static CostSummary of(CostSnapshot snapshot) {
        List<ProductCostView> products = snapshot.products();
        Map<String, CenterArea> areaOfCenter = new TreeMap<>();
        snapshot.centers().forEach(c -> areaOfCenter.put(c.centerId(), c.area()));
        List<AreaLine> byArea = new ArrayList<>();
        for (CenterArea area : CenterArea.values()) {
            List<CenterCostView> centers = snapshot.centers().stream().filter(c -> c.area() == area).toList();
            List<ProductCostView> inArea = products.stream().filter(p -> areaOfCenter.get(p.centerId()) == area).toList();
            byArea.add(new AreaLine(area, centers.size(), centers.stream().mapToInt(CenterCostView::employees).sum(),
                    inArea.size(), (int) inArea.stream().filter(p -> p.type() == ProductType.TERMINAL).count(),
                    exactSum(centers, CenterCostView::exactPayroll, CenterCostView::payroll),
                    exactSum(centers, CenterCostView::exactTotalCost, CenterCostView::totalCost),
                    exactSum(centers, CenterCostView::exactUnusedCost, CenterCostView::unusedCost)));
        }
        List<CoreProductLine> core = products.stream().filter(ProductCostView::core)
                .sorted(Comparator.comparing(ProductCostView::fullCost).reversed())
                .map(p -> new CoreProductLine(p.productId(), p.productName(), p.centerName(), p.volume(), p.volumeUnit(),
                        p.direct(), p.fullCost(), p.fullUnitCost()))
                .toList();
        List<EmployeeCostView> employees = snapshot.employees();
        return new CostSummary(snapshot.institution(), products.size(),
                (int) products.stream().filter(p -> p.type() == ProductType.TERMINAL).count(),
                (int) products.stream().filter(p -> p.type() == ProductType.INTERMEDIATE).count(), core.size(),
                (int) products.stream().filter(ProductCostView::volumeGap).count(), snapshot.centers().size(),
                employees.size(), (int) employees.stream().filter(e -> e.allocatedHours().signum() > 0).count(), byArea, core);
    }

    /**
     * An area's amount: the exact center values added, then rounded once (DOMAIN.md), so that it never differs
     * from the institution's figures by the centers' rounding. A view stored before exact values were kept falls
     * back on its rounded amount.
     */
    private static BigDecimal exactSum(List<CenterCostView> centers, Function<CenterCostView, String> exact,
                                       Function<CenterCostView, BigDecimal> rounded) {
        Rational total = Rational.ZERO;
        for (CenterCostView c : centers) {
            String value = exact.apply(c);
            total = total.plus(value != null ? Rational.parse(value) : Rational.of(rounded.apply(c)));
        }
        return total.toCents();
    }
}
