package org.ppi.costing.query;

import java.util.Comparator;
import java.util.List;

import org.ppi.costing.figures.CenterCostView;
import org.ppi.costing.figures.EmployeeCostView;
import org.ppi.costing.figures.InstitutionCostView;
import org.ppi.costing.figures.ProductCostView;
import org.ppi.platform.web.ExportTable;
import org.ppi.platform.web.ExportTable.Column;

/**
 * The cost views as tables for a download ({@link org.ppi.platform.web.TableExport}): the same rows the JSON
 * answers hold, amounts as the views round them (half-up to cents, once).
 */
final class CostExports {
    private CostExports() {
    }

    /**
     * The seed's table "Costos de producción por producto": one row per product and employee (hours, share, labour
     * cost, unit cost) and a total row per product with its non-labour, direct and full cost; by product name.
     */
    static ExportTable products(List<ProductCostView> products) {
        ExportTable table = ExportTable.of("Costos por producto", "Costs by product",
                Column.text("productId", "Id producto", "Product id"),
                Column.text("product", "Producto", "Product"),
                Column.text("center", "Centro", "Center"),
                Column.text("type", "Tipo", "Type"),
                Column.text("core", "CORE", "CORE"),
                Column.text("employee", "Funcionario", "Employee"),
                Column.number("hours", "Horas semanales", "Weekly hours"),
                Column.number("share", "Participación %", "Share %"),
                Column.amount("labour", "Costo laboral", "Labour cost"),
                Column.number("volume", "Volumen anual", "Yearly volume"),
                Column.amount("unitCost", "Costo unitario", "Unit cost"),
                Column.amount("nonLabour", "Costo no laboral", "Non-labour cost"),
                Column.amount("direct", "Costo directo", "Direct cost"),
                Column.amount("productUnitCost", "Costo unitario del producto", "Product unit cost"),
                Column.amount("fullCost", "Costo total del producto", "Full cost"),
                Column.amount("fullUnitCost", "Costo unitario total", "Full unit cost"));
        ExportTable.Label total = new ExportTable.Label("Total del producto", "Product total");
        for (ProductCostView p : products.stream().sorted(Comparator.comparing(ProductCostView::productName,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(ProductCostView::productId)).toList()) {
            for (ProductCostView.LabourRowView r : p.rows()) {
                table.row(p.productId(), p.productName(), p.centerName(), p.type(), p.core(), r.employeeName(), r.hours(),
                        r.sharePercent(), r.labour(), p.volume(), r.unitCost(), null, null, null, null, null);
            }
            table.row(p.productId(), p.productName(), p.centerName(), p.type(), p.core(), total, p.hours(),
                    null, p.labour(), p.volume(), null, p.nonLabour(), p.direct(), p.unitCost(), p.fullCost(),
                    p.fullUnitCost());
        }
        return table;
    }

    static ExportTable employees(List<EmployeeCostView> employees) {
        ExportTable table = ExportTable.of("Costos por funcionario", "Costs by employee",
                Column.text("employeeId", "Id funcionario", "Employee id"),
                Column.text("employee", "Funcionario", "Employee"),
                Column.text("position", "Cargo", "Position"),
                Column.text("center", "Centro", "Center"),
                Column.number("contractedHours", "Horas contratadas", "Contracted hours"),
                Column.number("allocatedHours", "Horas asignadas", "Allocated hours"),
                Column.amount("capacityCost", "Costo de capacidad", "Capacity cost"),
                Column.amount("allocatedCost", "Costo asignado", "Allocated cost"),
                Column.amount("unusedCost", "Capacidad no utilizada", "Unused capacity"),
                Column.text("overAllocated", "Sobreasignado", "Over-allocated"));
        employees.forEach(e -> table.row(e.employeeId(), e.employeeName(), e.position(), e.centerName(),
                e.contractedHours(), e.allocatedHours(), e.capacityCost(), e.allocatedCost(), e.unusedCost(),
                e.overAllocated()));
        return table;
    }

    static ExportTable centers(List<CenterCostView> centers) {
        ExportTable table = ExportTable.of("Costos por centro", "Costs by center",
                Column.text("centerId", "Id centro", "Center id"),
                Column.text("center", "Centro", "Center"),
                Column.text("area", "Área", "Area"),
                Column.number("employees", "Funcionarios", "Employees"),
                Column.amount("payroll", "Nómina", "Payroll"),
                Column.amount("nonLabour", "Costo no laboral", "Non-labour cost"),
                Column.amount("totalCost", "Costo total", "Total cost"),
                Column.amount("allocatedCost", "Costo asignado", "Allocated cost"),
                Column.amount("unusedCost", "Capacidad no utilizada", "Unused capacity"),
                Column.text("overAllocated", "Sobreasignado", "Over-allocated"));
        centers.forEach(c -> table.row(c.centerId(), c.centerName(), c.area(), c.employees(), c.payroll(),
                c.nonLabour(), c.totalCost(), c.allocatedCost(), c.unusedCost(), c.overAllocated()));
        return table;
    }

    /** The institution's figure and its reconciliation, as one row. */
    static ExportTable institution(InstitutionCostView i) {
        return ExportTable.of("Costo institucional", "Institution cost",
                        Column.text("institutionId", "Id institución", "Institution id"),
                        Column.text("institution", "Institución", "Institution"),
                        Column.number("fiscalYear", "Año fiscal", "Fiscal year"),
                        Column.text("method", "Método de costeo", "Costing method"),
                        Column.text("basis", "Base", "Basis"),
                        Column.text("currency", "Moneda", "Currency"),
                        Column.amount("totalCost", "Costo total", "Total cost"),
                        Column.amount("payroll", "Nómina", "Payroll"),
                        Column.amount("nonLabour", "Costo no laboral", "Non-labour cost"),
                        Column.amount("terminalFullCost", "Costo total de productos terminales", "Full cost of terminal products"),
                        Column.amount("unattributedIntermediateCost", "Intermedios no atribuidos", "Unattributed intermediates"),
                        Column.amount("unusedCost", "Capacidad no utilizada", "Unused capacity"),
                        Column.amount("roundingResidue", "Residuo de redondeo", "Rounding residue"),
                        Column.text("reconciled", "Concilia", "Reconciles"),
                        Column.number("products", "Productos", "Products"),
                        Column.number("volumeGaps", "Productos sin volumen", "Products without volume"),
                        Column.number("employees", "Funcionarios", "Employees"),
                        Column.number("overAllocatedEmployees", "Funcionarios sobreasignados", "Over-allocated employees"),
                        Column.number("centers", "Centros", "Centers"),
                        Column.number("contractedHours", "Horas contratadas", "Contracted hours"),
                        Column.number("allocatedHours", "Horas asignadas", "Allocated hours"),
                        Column.text("provisional", "Provisional", "Provisional"))
                .row(i.institutionId(), i.name(), i.fiscalYear(), i.method(), i.basis(), i.currency(), i.totalCost(),
                        i.payroll(), i.nonLabour(), i.terminalFullCost(), i.unattributedIntermediateCost(), i.unusedCost(),
                        i.roundingResidue(), i.reconciled(), i.products(), i.volumeGaps(), i.employees(),
                        i.overAllocatedEmployees(), i.centers(), i.contractedHours(), i.allocatedHours(), i.provisional());
    }
}
