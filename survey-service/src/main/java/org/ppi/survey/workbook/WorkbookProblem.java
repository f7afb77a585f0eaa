package org.ppi.survey.workbook;

/**
 * What is wrong in an uploaded workbook and where: sheet, row (1-based; null for the whole file or sheet) and
 * column letter (null for a whole row), with the message code and its arguments.
 */
record WorkbookProblem(int status, String code, String sheet, Integer row, String column, String employeeId,
                       String productId, Object... args) {

    static WorkbookProblem file(String code, Object... args) {
        return new WorkbookProblem(422, code, null, null, null, null, null, args);
    }

    static WorkbookProblem at(String sheet, Integer row, String column, String code, Object... args) {
        return new WorkbookProblem(422, code, sheet, row, column, null, null, args);
    }

    String cell() {
        return column == null || row == null ? null : column + row;
    }
}
