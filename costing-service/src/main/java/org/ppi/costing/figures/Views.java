package org.ppi.costing.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ppi.contracts.money.Money;
import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.CenterCost;
import org.ppi.costing.rules.EmployeeCost;
import org.ppi.costing.rules.InstitutionTotals;
import org.ppi.costing.rules.LabourRow;
import org.ppi.costing.rules.ProductCost;
import org.ppi.costing.state.Basis;
import org.ppi.costing.state.Facts;
import org.ppi.costing.state.FiscalYear;
import org.ppi.costing.state.InstitutionState;

/** Turns exact figures into what a person reads: names, rounded amounts, percentages, residues. */
public final class Views {
    private Views() {
    }

    public static ProductCostView product(InstitutionState state, ProductCost cost, String causation, Instant at) {
        return product(state, cost, state.productLineage(cost.productId()).size(), causation, at, Basis.ALL);
    }

    /**
     * @param lineageSize how many events the product's lineage holds (the lineage itself is paged on request)
     * @param basis       the interviews the figures rest on: validated-only figures are never provisional
     */
    public static ProductCostView product(InstitutionState state, ProductCost cost, int lineageSize, String causation,
                                          Instant at, Basis basis) {
        Facts.Product facts = state.productFacts(cost.productId());
        List<ProductCostView.LabourRowView> rows = new ArrayList<>();
        Rational hours = Rational.ZERO;
        BigDecimal roundedRows = BigDecimal.ZERO;
        for (LabourRow row : cost.labourRows()) {
            Facts.Employee employee = state.employeeFacts(row.employeeId());
            rows.add(new ProductCostView.LabourRowView(row.employeeId(), employee == null ? null : employee.name,
                    Money.plain(row.hours()), Money.percent(row.share()), Money.cents(row.labour()),
                    Money.cents(row.unitCost())));
            hours = hours.plus(row.hours());
            roundedRows = roundedRows.add(row.labour().toCents());
        }
        List<ProductCostView.InflowView> inflows = new ArrayList<>();
        for (Map.Entry<String, Rational> inflow : new java.util.TreeMap<>(cost.inflows()).entrySet()) {
            Facts.Product supplier = state.productFacts(inflow.getKey());
            inflows.add(new ProductCostView.InflowView(inflow.getKey(), supplier == null ? null : supplier.name,
                    Money.cents(inflow.getValue())));
        }
        Facts.Center center = state.centerFacts(cost.centerId());
        return new ProductCostView(cost.productId(), facts == null ? null : facts.name, cost.centerId(),
                center == null ? null : center.name, cost.type(), cost.core(), state.method(), state.currency(), rows,
                Money.plain(hours), Money.cents(cost.labour()), Money.cents(cost.nonLabour()), Money.cents(cost.direct()),
                Money.plain(cost.volume()), facts == null ? null : facts.volumeUnit, Money.cents(cost.unitCost()),
                cost.volumeGap(), Money.cents(cost.fullCost()), Money.cents(cost.fullUnitCost()), cost.attributed(),
                inflows, cost.labour().toCents().subtract(roundedRows), cost.direct().toString(),
                cost.fullCost().toString(), causation, at, lineageSize,
                basis == Basis.ALL && state.provisionalProduct(cost.productId()));
    }

    public static EmployeeCostView employee(InstitutionState state, EmployeeCost cost, String causation, Instant at) {
        return employee(state, cost, causation, at, Basis.ALL);
    }

    public static EmployeeCostView employee(InstitutionState state, EmployeeCost cost, String causation, Instant at,
                                            Basis basis) {
        Facts.Employee facts = state.employeeFacts(cost.employeeId());
        Facts.Center center = state.centerFacts(cost.centerId());
        List<EmployeeCostView.ProductShare> shares = new ArrayList<>();
        new java.util.TreeMap<>(cost.costByProduct()).forEach((productId, value) -> {
            Facts.Product product = state.productFacts(productId);
            shares.add(new EmployeeCostView.ProductShare(productId, product == null ? null : product.name, Money.cents(value)));
        });
        return new EmployeeCostView(cost.employeeId(), facts == null ? null : facts.name,
                facts == null ? null : facts.position, cost.centerId(), center == null ? null : center.name,
                state.method(), Money.cents(cost.capacityCost()), Money.cents(cost.allocatedCost()),
                Money.cents(cost.unusedCost()), Money.plain(cost.contractedHours()), Money.plain(cost.allocatedHours()),
                Money.plain(cost.contractedHours().minus(cost.allocatedHours())), cost.overAllocated(),
                Money.cents(cost.hourPrice()), shares, causation, at, Money.plain(cost.yearShare()),
                basis == Basis.ALL && state.provisionalEmployee(cost.employeeId()));
    }

    public static CenterCostView center(InstitutionState state, CenterCost cost, String causation, Instant at) {
        return center(state, cost, causation, at, Basis.ALL);
    }

    public static CenterCostView center(InstitutionState state, CenterCost cost, String causation, Instant at, Basis basis) {
        Facts.Center facts = state.centerFacts(cost.centerId());
        Map<String, Rational> byProduct = new java.util.TreeMap<>(cost.labourByProduct());
        List<EmployeeCostView.ProductShare> labourByProduct = new ArrayList<>();
        byProduct.forEach((productId, value) -> {
            Facts.Product product = state.productFacts(productId);
            labourByProduct.add(new EmployeeCostView.ProductShare(productId, product == null ? null : product.name, Money.cents(value)));
        });
        return new CenterCostView(cost.centerId(), facts == null ? null : facts.name, cost.area(), state.method(),
                cost.employees(), Money.cents(cost.payroll()), Money.cents(cost.nonLabour()),
                Money.cents(cost.payroll().plus(cost.nonLabour())), Money.cents(cost.allocatedCost()),
                Money.cents(cost.unusedCost()), Money.plain(cost.capacityHours()), Money.plain(cost.allocatedHours()),
                cost.overAllocated(), labourByProduct, causation, at, Money.plain(cost.staffYears()),
                basis == Basis.ALL && state.provisionalCenter(cost.centerId()), cost.payroll().toString(),
                cost.payroll().plus(cost.nonLabour()).toString(), cost.unusedCost().toString());
    }

    public static InstitutionCostView institution(InstitutionState state, CostFigures figures, String causation, Instant at) {
        return institution(state, figures, causation, at, state.currentYear(), Basis.ALL);
    }

    public static InstitutionCostView institution(InstitutionState state, CostFigures figures, String causation, Instant at,
                                                  FiscalYear year, Basis basis) {
        InstitutionTotals t = figures.totals();
        FigureCounts counts = figures.counts();
        return new InstitutionCostView(state.institutionId(), state.name(), state.currency(), state.method(),
                Money.cents(t.totalCost()), Money.cents(t.payroll()), Money.cents(t.nonLabour()),
                Money.cents(t.terminalFullCost()), Money.cents(t.unattributedIntermediateCost()),
                Money.cents(t.unusedCost()), t.roundingResidue(), t.reconciles(), counts.products(), counts.volumeGaps(),
                counts.employees(), counts.overAllocated(), counts.centers(), Money.plain(t.allocatedHours()),
                Money.plain(t.contractedHours()), causation, at, year.year(), basis,
                basis == Basis.ALL && state.provisionalInstitution());
    }
}
