package org.ppi.budget.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ppi.budget.figures.ActivityView;
import org.ppi.budget.figures.ChainView;
import org.ppi.budget.figures.ProgramBudgetView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.platform.web.ExportTable;
import org.ppi.platform.web.ExportTable.Column;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The budget views as tables for a download ({@link org.ppi.platform.web.TableExport}); the names of lines, kinds
 * and bases come from the service's messages in the caller's language, as in the JSON summary.
 */
@Component
class BudgetExports {
    private final MessageSource messages;

    BudgetExports(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The programmatic structure: one row per activity and per terminal product of each program, a total row per
     * program, then the lines outside programs (central actions, terminal production no program takes, unused
     * capacity, APNOP) and the budget total, which is what the rows add up to.
     */
    ExportTable structure(StructureView structure, Locale locale) {
        ExportTable table = ExportTable.of("Estructura programática", "Programmatic structure",
                Column.text("programCode", "Código de programa", "Program code"),
                Column.text("program", "Programa", "Program"),
                Column.text("line", "Línea", "Line"),
                Column.text("activityOrChain", "Actividad o cadena de valor", "Activity or value chain"),
                Column.text("activityKind", "Tipo de actividad", "Activity kind"),
                Column.text("product", "Producto", "Product"),
                Column.amount("fullCost", "Costo total", "Full cost"),
                Column.number("volume", "Volumen", "Volume"),
                Column.number("plannedVolume", "Volumen planificado", "Planned volume"),
                Column.text("basis", "Base de cálculo", "Basis"),
                Column.amount("budget", "Presupuesto", "Budget"));
        for (StructureView.ProgramNode program : structure.programs()) {
            for (ActivityView activity : program.activities()) {
                table.row(program.code(), program.name(), text("budget.line.ACTIVITY", locale), activity.name(),
                        activity.kind() == null ? null : text("budget.kind." + activity.kind().name(), locale),
                        activity.productId(), null, null, null, null, null);
            }
            for (StructureView.ProductNode product : program.products()) {
                List<String> chains = new ArrayList<>();
                for (ChainView chain : product.chains()) {
                    chains.add(chain.name() == null ? chain.chainId() : chain.name());
                }
                table.row(program.code(), program.name(), text("budget.line.TERMINAL_PRODUCT", locale),
                        String.join(" / ", chains), null, product.productId(), product.fullCost(), product.volume(),
                        product.plannedVolume(), text("budget.basis." + product.basis().name(), locale), product.budget());
            }
            table.row(program.code(), program.name(), text("budget.line.PROGRAM_TOTAL", locale), null, null, null, null,
                    null, null, null, program.budget());
        }
        table.row(null, null, line(SummaryView.CENTRAL_ACTIONS, locale), null, null, null, null, null, null, null,
                structure.centralActions());
        for (SummaryView.UnassignedView product : structure.unassigned()) {
            table.row(null, null, line(SummaryView.UNASSIGNED_TERMINALS, locale), null, null, product.productId(),
                    product.fullCost(), product.volume(), null, text("budget.basis.FULL_COST", locale), product.amount());
        }
        table.row(null, null, line(SummaryView.UNUSED_CAPACITY, locale), null, null, null, null, null, null, null,
                structure.unusedCapacity());
        for (SummaryView.ApnopView apnop : structure.apnop()) {
            table.row(null, null, line(SummaryView.APNOP, locale), apnop.name(), null, null, null, null, null,
                    apnop.kind() == null ? null : text("budget.apnop." + apnop.kind(), locale), apnop.amount());
        }
        table.row(null, null, line(SummaryView.TOTAL, locale), null, null, null, null, null, null, null,
                structure.budgetTotal());
        return table;
    }

    /** The program budgets as the list answers them (same filters), one row per program. */
    ExportTable programs(List<ProgramBudgetView> programs) {
        ExportTable table = ExportTable.of("Presupuesto por programa", "Budget by program",
                Column.text("programId", "Id programa", "Program id"),
                Column.text("code", "Código", "Code"),
                Column.text("program", "Programa", "Program"),
                Column.text("expectedResult", "Resultado esperado", "Expected result"),
                Column.number("fiscalYear", "Año fiscal", "Fiscal year"),
                Column.amount("costShare", "Parte del costo medido", "Share of the measured cost"),
                Column.amount("plannedBeyond", "Planificado más allá de la producción", "Planned beyond production"),
                Column.amount("budget", "Presupuesto", "Budget"),
                Column.text("scaledByPlannedVolume", "Según volumen planificado", "Scaled by planned volume"),
                Column.text("volumeGaps", "Productos sin volumen", "Products without volume"),
                Column.text("provisional", "Provisional", "Provisional"));
        programs.forEach(p -> table.row(p.programId(), p.code(), p.name(), p.expectedResult(), p.fiscalYear(),
                p.costShare(), p.plannedBeyond(), p.budget(), p.scaledByPlannedVolume(),
                p.volumeGaps().isEmpty() ? null : String.join(", ", p.volumeGaps()), p.provisional()));
        return table;
    }

    /**
     * The summary's lines (programs, central actions, terminal production in no program, unused capacity, the
     * reconciled total, planned beyond production, APNOP, the budget total), then each terminal product central
     * activities produce (in central actions) and each APNOP line.
     */
    ExportTable summary(SummaryView summary, Locale locale) {
        ExportTable table = ExportTable.of("Resumen del presupuesto", "Budget summary",
                Column.text("lineCode", "Código de línea", "Line code"),
                Column.text("line", "Línea", "Line"),
                Column.text("detail", "Detalle", "Detail"),
                Column.number("fiscalYear", "Año fiscal", "Fiscal year"),
                Column.amount("amount", "Importe", "Amount"));
        for (SummaryView.Line l : summary.lines()) {
            table.row(l.line(), line(l.line(), locale), null, summary.fiscalYear(), l.amount());
        }
        for (SummaryView.CentralProductView product : summary.centralProducts()) {
            table.row(SummaryView.CENTRAL_ACTIONS, line(SummaryView.CENTRAL_ACTIONS, locale), product.productId(),
                    summary.fiscalYear(), product.fullCost());
        }
        for (SummaryView.ApnopView apnop : summary.apnop()) {
            table.row(SummaryView.APNOP, line(SummaryView.APNOP, locale), apnop.name(), summary.fiscalYear(),
                    apnop.amount());
        }
        return table;
    }

    private String line(String code, Locale locale) {
        return text("budget.line." + code, locale);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
