package org.ppi.contracts.costing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a costing figure's lineage is read (through the gateway; the service answers the same path): what a
 * published costing event carries as {@code lineageRef} instead of the whole list of events behind the figure, which
 * grew with the institution; budget names the costing figures its own rest on by the same paths.
 */
public final class LineageRef {
    private LineageRef() {
    }

    public static String product(String productId) {
        return "/api/costing/products/" + segment(productId) + "/lineage";
    }

    public static String employee(String employeeId) {
        return "/api/costing/employees/" + segment(employeeId) + "/lineage";
    }

    public static String center(String centerId) {
        return "/api/costing/centers/" + segment(centerId) + "/lineage";
    }

    public static String institution() {
        return "/api/costing/institution/lineage";
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
