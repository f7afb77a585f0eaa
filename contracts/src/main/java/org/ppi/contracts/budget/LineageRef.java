package org.ppi.contracts.budget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a budget figure's lineage is read (through the gateway; the service answers the same path): what a published
 * budget event carries as {@code lineageRef}. That lineage pages budget's own events and names the costing figures
 * they rest on ({@link org.ppi.contracts.costing.LineageRef}), whose lineage leads to the survey events.
 */
public final class LineageRef {
    private LineageRef() {
    }

    public static String program(String programId, int fiscalYear) {
        return "/api/budget/programs/" + URLEncoder.encode(programId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/lineage?fiscalYear=" + fiscalYear;
    }

    public static String summary(int fiscalYear) {
        return "/api/budget/summary/lineage?fiscalYear=" + fiscalYear;
    }
}
