package org.ppi.budget.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ppi.budget.figures.ActivityView;
import org.ppi.budget.figures.ChainView;
import org.ppi.budget.figures.SummaryView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The programmatic structure as CSV (RFC 4180): a header row in the caller's language, then one row per
 * activity and per terminal product of each program, a total row per program, and the lines outside programs.
 * Amounts use a dot as decimal separator and no grouping, so spreadsheets in any locale read them as numbers.
 */
@Component
class StructureCsv {
    private static final String CRLF = "\r\n";
    private final MessageSource messages;

    StructureCsv(MessageSource messages) {
        this.messages = messages;
    }

    String write(StructureView structure, Locale locale) {
        StringBuilder out = new StringBuilder();
        out.append(text("budget.csv.header", locale)).append(CRLF);
        for (StructureView.ProgramNode program : structure.programs()) {
            for (ActivityView activity : program.activities()) {
                row(out, program.code(), program.name(), text("budget.line.ACTIVITY", locale), activity.name(),
                        activity.kind() == null ? null : text("budget.kind." + activity.kind().name(), locale),
                        activity.productId(), null, null, null, null, null);
            }
            for (StructureView.ProductNode product : program.products()) {
                List<String> chains = new ArrayList<>();
                for (ChainView chain : product.chains()) {
                    chains.add(chain.name() == null ? chain.chainId() : chain.name());
                }
                row(out, program.code(), program.name(), text("budget.line.TERMINAL_PRODUCT", locale),
                        String.join(" / ", chains), null, product.productId(), number(product.fullCost()),
                        number(product.volume()), number(product.plannedVolume()),
                        text("budget.basis." + product.basis().name(), locale), number(product.budget()));
            }
            row(out, program.code(), program.name(), text("budget.line.PROGRAM_TOTAL", locale), null, null, null, null,
                    null, null, null, number(program.budget()));
        }
        row(out, null, null, text("budget.line." + SummaryView.CENTRAL_ACTIONS, locale), null, null, null, null, null,
                null, null, number(structure.centralActions()));
        for (SummaryView.UnassignedView product : structure.unassigned()) {
            row(out, null, null, text("budget.line." + SummaryView.UNASSIGNED_TERMINALS, locale), null, null,
                    product.productId(), number(product.fullCost()), number(product.volume()), null,
                    text("budget.basis.FULL_COST", locale), number(product.fullCost()));
        }
        row(out, null, null, text("budget.line." + SummaryView.UNUSED_CAPACITY, locale), null, null, null, null, null,
                null, null, number(structure.unusedCapacity()));
        row(out, null, null, text("budget.line." + SummaryView.TOTAL, locale), null, null, null, null, null, null, null,
                number(structure.total()));
        return out.toString();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells[i]));
        }
        out.append(CRLF);
    }

    /** Quotes a cell holding a separator, quote or line break, doubling inner quotes. */
    static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
