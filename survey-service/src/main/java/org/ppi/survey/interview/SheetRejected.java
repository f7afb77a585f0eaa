package org.ppi.survey.interview;

import java.util.List;

import org.ppi.platform.web.DomainRejection;

/**
 * A sheet refused as a whole: every cell that breaks a rule, each with the rejection its own
 * {@link InterviewCommands.AllocateTime} would get. Nothing of the sheet was written. The status is the cells'
 * common status (400 or 422), 422 when they differ.
 */
public class SheetRejected extends DomainRejection {
    private final transient List<CellProblem> problems;

    public SheetRejected(List<CellProblem> problems) {
        super(commonStatus(problems), "interview.sheet-invalid", "cells", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<CellProblem> problems() {
        return problems;
    }

    private static int commonStatus(List<CellProblem> problems) {
        int status = problems.get(0).rejection().status();
        return problems.stream().allMatch(p -> p.rejection().status() == status) ? status : 422;
    }

    /** The cell at {@code index} of the sheet, and why it is refused. */
    public record CellProblem(int index, String employeeId, String productId, DomainRejection rejection) {
    }
}
