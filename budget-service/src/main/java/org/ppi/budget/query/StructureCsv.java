package org.ppi.budget.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ppi.budget.figures.ActivityView;
import org.ppi.budget.figures.ChainView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.platform.web.Csv;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The programmatic structure as CSV ({@link Csv}): a header row in the caller's language, then one row per
 * activity and per terminal product of each program, a total row per program, and the lines outside programs.
 */
@Component
class StructureCsv {
    private final MessageSource messages;

    StructureCsv(MessageSource messages) {
        this.messages = messages;
    }

    Csv write(StructureView structure, Locale locale) {
        Csv out = new Csv().row((Object[]) text("budget.csv.header", locale).split(","));
        for (StructureView.ProgramNode program : structure.programs()) {
            for (ActivityView activity : program.activities()) {
                out.row(program.code(), program.name(), text("budget.line.ACTIVITY", locale), activity.name(),
                        activity.kind() == null ? null : text("budget.kind." + activity.kind().name(), locale),
                        activity.productId(), null, null, null, null, null);
            }
            for (StructureView.ProductNode product : program.products()) {
                List<String> chains = new ArrayList<>();
                for (ChainView chain : product.chains()) {
                    chains.add(chain.name() == null ? chain.chainId() : chain.name());
                }
                out.row(program.code(), program.name(), text("budget.line.TERMINAL_PRODUCT", locale),
                        String.join(" / ", chains), null, product.productId(), product.fullCost(),
                        product.volume(), product.plannedVolume(),
                        text("budget.basis." + product.basis().name(), locale), product.budget());
            }
            out.row(program.code(), program.name(), text("budget.line.PROGRAM_TOTAL", locale), null, null, null, null,
                    null, null, null, program.budget());
        }
        out.row(null, null, text("budget.line." + SummaryView.CENTRAL_ACTIONS, locale), null, null, null, null, null,
                null, null, structure.centralActions());
        for (SummaryView.UnassignedView product : structure.unassigned()) {
            out.row(null, null, text("budget.line." + SummaryView.UNASSIGNED_TERMINALS, locale), null, null,
                    product.productId(), product.fullCost(), product.volume(), null,
                    text("budget.basis.FULL_COST", locale), product.amount());
        }
        out.row(null, null, text("budget.line." + SummaryView.UNUSED_CAPACITY, locale), null, null, null, null, null,
                null, null, structure.unusedCapacity());
        for (SummaryView.ApnopView line : structure.apnop()) {
            out.row(null, null, text("budget.line." + SummaryView.APNOP, locale), line.name(), null, null, null, null,
                    null, line.kind() == null ? null : text("budget.apnop." + line.kind(), locale), line.amount());
        }
        out.row(null, null, text("budget.line." + SummaryView.TOTAL, locale), null, null, null, null, null, null, null,
                structure.budgetTotal());
        return out;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
