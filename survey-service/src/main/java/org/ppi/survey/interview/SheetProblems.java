package org.ppi.survey.interview;

import java.util.List;

import org.ppi.survey.web.Messages;
import org.ppi.survey.web.ProblemReport;
import org.ppi.survey.web.ProblemReport.Problem;
import org.springframework.http.ResponseEntity;

/** A {@link SheetRejected} as the answer to a sheet command: one detail per bad cell, each message naming the cell. */
public final class SheetProblems {
    private SheetProblems() {
    }

    public static ResponseEntity<ProblemReport> report(SheetRejected e, Messages messages) {
        List<Problem> details = e.problems().stream().map(p -> new Problem(p.rejection().status(), p.rejection().code(),
                "cells[" + p.index() + "]." + p.rejection().field(),
                messages.text("interview.sheet-cell", p.employeeId(), p.productId(),
                        messages.text(p.rejection().code(), p.rejection().args())),
                null, null, null, null, p.index(), p.employeeId(), p.productId())).toList();
        return ResponseEntity.status(e.status()).body(new ProblemReport(e.status(), e.code(), e.field(),
                messages.text(e.code(), e.args()), details));
    }
}
