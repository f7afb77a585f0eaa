package org.ppi.survey.view;

import org.ppi.platform.web.ExportTable;
import org.ppi.platform.web.ExportTable.Column;
import org.ppi.platform.web.ExportTable.Label;
import org.ppi.survey.view.FunctionsAndOrganizationView.CenterLine;
import org.ppi.survey.view.FunctionsAndOrganizationView.ScopeGroup;
import org.ppi.survey.view.FunctionsAndOrganizationView.View;

/**
 * "Funciones y organización" as a table for a download: one row per center in its ámbito's group (function,
 * organization, manager, area, staff count and Σ annual cost), a total row after each group, and the overall total.
 */
final class FunctionsAndOrganizationExport {
    private static final Label NO_SCOPE = new Label("Sin ámbito", "No scope");
    private static final Label SCOPE_TOTAL = new Label("Total del ámbito", "Scope total");
    private static final Label TOTAL = new Label("Total", "Total");

    private FunctionsAndOrganizationExport() {
    }

    static ExportTable of(View view) {
        ExportTable table = ExportTable.of("Funciones y organización", "Functions and organization",
                Column.text("scopeId", "Id ámbito", "Scope id"),
                Column.text("scope", "Ámbito", "Scope"),
                Column.text("centerId", "Id centro", "Center id"),
                Column.text("center", "Centro", "Center"),
                Column.text("function", "Función", "Function"),
                Column.text("organization", "Organización", "Organization"),
                Column.text("manager", "Responsable", "Manager"),
                Column.text("area", "Área", "Area"),
                Column.text("closed", "Cerrado", "Closed"),
                Column.number("employees", "Funcionarios", "Employees"),
                Column.amount("annualCost", "Costo anual", "Annual cost"));
        for (ScopeGroup group : view.groups()) {
            Object scope = group.scopeId() == null ? NO_SCOPE : group.scopeName();
            for (CenterLine c : group.centers()) {
                table.row(group.scopeId(), scope, c.centerId(), c.name(), c.function(), c.organization(), c.manager(),
                        c.area(), c.closed(), c.employees(), c.annualCost());
            }
            table.row(group.scopeId(), scope, null, SCOPE_TOTAL, null, null, null, null, null, group.employees(),
                    group.annualCost());
        }
        table.row(null, null, null, TOTAL, null, null, null, null, null, view.totals().employees(),
                view.totals().annualCost());
        return table;
    }
}
