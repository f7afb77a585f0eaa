package org.ppi.survey.web;

import java.util.List;

/**
 * An answer listing many problems at once (a sheet, a workbook): the platform's error format ({@code status, code,
 * field, message, details}, like {@link org.ppi.platform.web.ApiError}) whose details say where each problem is:
 * the cell of a sheet command ({@code index, employeeId, productId}) and, for a workbook, its sheet, row (1-based)
 * and column (a letter, as a spreadsheet names it).
 */
public record ProblemReport(int status, String code, String field, String message, List<Problem> details) {

    public record Problem(int status, String code, String field, String message, String sheet, Integer row,
                          String column, String cell, Integer index, String employeeId, String productId) {
    }
}
