package org.ppi.survey.web;

import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a list query and its bound values; every clause is parameterised. */
public final class SqlFilter {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public static SqlFilter where(String clause, Object value) {
        return new SqlFilter().and(clause, value);
    }

    /** Adds {@code clause} (one {@code ?}) unless the value is null, i.e. the filter was not asked for. */
    public SqlFilter and(String clause, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.add(value);
        }
        return this;
    }

    /** Case-insensitive "contains" over the given columns. */
    public SqlFilter contains(String text, String... columns) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String pattern = "%" + text.trim().toLowerCase()
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<String> alternatives = new ArrayList<>();
        for (String column : columns) {
            alternatives.add("lower(" + column + ") like ? escape '!'");
            params.add(pattern);
        }
        clauses.add("(" + String.join(" or ", alternatives) + ")");
        return this;
    }

    public String sql() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    public List<Object> params() {
        return List.copyOf(params);
    }
}
