package org.ppi.catalog.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.UserGroup;

/** The optional filters of the product list; null means "any". Builds a WHERE clause with bound values only. */
public record ProductFilter(String centerId, ProductType type, Boolean core, Boolean active, UserGroup user,
                            Frequency frequency, Boolean volumeGap, String q) {
    static final String GAP = "(p.volume is null or p.volume = 0)";

    public static ProductFilter none() {
        return new ProductFilter(null, null, null, null, null, null, null, null);
    }

    /** " where p.institution_id = ? and ..." with its values appended to {@code params}. */
    String where(String institutionId, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("p.institution_id = ?");
        params.add(institutionId);
        if (centerId != null && !centerId.isBlank()) {
            clauses.add("p.center_id = ?");
            params.add(centerId);
        }
        if (type != null) {
            clauses.add("p.product_type = ?");
            params.add(type.name());
        }
        if (core != null) {
            clauses.add("p.core = ?");
            params.add(core);
        }
        if (active != null) {
            clauses.add(active ? "p.status = ?" : "p.status <> ?");
            params.add(ProductStatus.ACTIVE.name());
        }
        if (user != null) {
            clauses.add("p.users like ? escape '\\'");
            params.add("%," + escapeLike(user.name()) + ",%");
        }
        if (frequency != null) {
            clauses.add("p.frequency = ?");
            params.add(frequency.name());
        }
        if (volumeGap != null) {
            clauses.add(volumeGap ? GAP : "not " + GAP);
        }
        if (q != null && !q.isBlank()) {
            String pattern = "%" + escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%";
            clauses.add("(lower(p.name) like ? escape '\\' or lower(coalesce(p.description, '')) like ? escape '\\')");
            params.add(pattern);
            params.add(pattern);
        }
        return " where " + String.join(" and ", clauses);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
