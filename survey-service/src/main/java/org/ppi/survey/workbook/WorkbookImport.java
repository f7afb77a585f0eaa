package org.ppi.survey.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ppi.platform.web.Actor;
import org.ppi.survey.interview.InterviewCommands.RecordInterviewSheet;
import org.ppi.survey.interview.InterviewCommands.SheetOutcome;
import org.ppi.survey.interview.InterviewSheet;
import org.ppi.survey.interview.SheetRejected;
import org.ppi.survey.web.TargetedCommands;
import org.springframework.stereotype.Component;

/**
 * An uploaded workbook becomes one {@link RecordInterviewSheet}: read whole, its shape's problems and the
 * interview's rules for each cell are reported together, with sheet, row and column; nothing is written unless
 * none is found. A dry run asks the interview what would change without writing; a confirmed import sends the
 * one command, so its events carry the importing user and share the command's causation id.
 */
@Component
class WorkbookImport {
    /** Rules about an employee (reported once, on its row) and about a product (once, on its column). */
    private static final Set<String> EMPLOYEE_CODES = Set.of("employee.not-found", "employee.left",
            "allocation.employee-other-center");
    private static final Set<String> PRODUCT_CODES = Set.of("allocation.product-unknown");

    private final WorkbookReader reader;
    private final TargetedCommands commands;

    WorkbookImport(WorkbookReader reader, TargetedCommands commands) {
        this.reader = reader;
        this.commands = commands;
    }

    record Outcome(boolean dryRun, boolean written, WorkbookReader.Format format, int rows, int cells, int unchanged,
                   List<Change> changes, long versionBefore, long version) {
    }

    record Change(String employeeId, String productId, BigDecimal before, BigDecimal after, String cell) {
    }

    /** Problems found: nothing was written. */
    static final class Refused extends RuntimeException {
        private final transient List<WorkbookProblem> problems;

        Refused(List<WorkbookProblem> problems) {
            super("workbook.invalid " + problems.size());
            this.problems = List.copyOf(problems);
        }

        List<WorkbookProblem> problems() {
            return problems;
        }
    }

    Outcome upload(Actor actor, String interviewId, byte[] bytes, boolean dryRun, String reason, Long expectedVersion,
                   Locale locale) {
        WorkbookReader.Parsed parsed = reader.read(bytes, locale);
        List<WorkbookProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.cells().isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(WorkbookProblem.at(parsed.sheet(), WorkbookLayout.INFO_ROWS + 2, "A", "workbook.no-rows"));
            }
            throw new Refused(problems);
        }
        if (parsed.cells().size() > InterviewSheet.MAX_CELLS) {
            problems.add(WorkbookProblem.at(parsed.sheet(), null, null, "workbook.too-many-cells", parsed.sheet(),
                    InterviewSheet.MAX_CELLS, parsed.cells().size()));
            throw new Refused(problems);
        }
        InterviewSheet sheet = new InterviewSheet(parsed.cells().stream().map(WorkbookReader.Located::cell).toList());
        // With problems already found, the interview is asked in a dry run, only to add its own to the report.
        boolean write = !dryRun && problems.isEmpty();
        SheetOutcome outcome;
        try {
            outcome = commands.sendToInterview(new RecordInterviewSheet(interviewId, actor.institutionId(),
                    actor.userId(), sheet, reason, expectedVersion, !write), actor, interviewId);
        } catch (RuntimeException e) {
            SheetRejected rejected = e instanceof SheetRejected r ? r
                    : e.getCause() instanceof SheetRejected r ? r : null;
            if (rejected == null) {
                throw e;
            }
            problems.addAll(located(rejected, parsed));
            throw new Refused(problems);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Map<String, String> cellOf = new HashMap<>();
        parsed.cells().forEach(c -> cellOf.put(c.cell().employeeId() + '|' + c.cell().productId(), c.column() + c.row()));
        List<Change> changes = outcome.changes().stream().map(c -> new Change(c.employeeId(), c.productId(), c.before(),
                c.after(), cellOf.get(c.employeeId() + '|' + c.productId()))).toList();
        return new Outcome(!write, outcome.written(), parsed.format(), parsed.employeeRows().size(), outcome.cells(),
                outcome.unchanged(), changes, outcome.versionBefore(), outcome.version());
    }

    /** The interview's refusals placed in the workbook: an employee's on its row, a product's on its column. */
    private static List<WorkbookProblem> located(SheetRejected rejected, WorkbookReader.Parsed parsed) {
        List<WorkbookProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (SheetRejected.CellProblem p : rejected.problems()) {
            WorkbookReader.Located where = parsed.cells().get(p.index());
            String code = p.rejection().code();
            Object[] args = p.rejection().args();
            if (EMPLOYEE_CODES.contains(code)) {
                if (reported.add("e|" + p.employeeId())) {
                    problems.add(new WorkbookProblem(p.rejection().status(), code, where.sheet(), where.row(), "A",
                            p.employeeId(), null, args));
                }
            } else if (PRODUCT_CODES.contains(code)) {
                if (reported.add("p|" + p.productId())) {
                    problems.add(new WorkbookProblem(p.rejection().status(), code, where.sheet(), 1,
                            where.productColumn(), null, p.productId(), args));
                }
            } else {
                problems.add(new WorkbookProblem(p.rejection().status(), code, where.sheet(), where.row(),
                        where.column(), p.employeeId(), p.productId(), args));
            }
        }
        return problems;
    }
}
