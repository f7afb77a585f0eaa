package org.ppi.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paging and sorting of a list endpoint, the same everywhere: {@code ?page=0&size=50&sort=name,asc&sort=cost,desc}.
 * Sort fields are whitelisted per endpoint (API name → SQL column), so the ORDER BY never carries user text.
 */
public record PageQuery(int page, int size, List<String> sort, String orderBy) {
    public static final int MAX_SIZE = 1000;
    /**
     * The furthest row a page may start at. No list of one institution comes near it; past it a page number is
     * an error (400 request.page-out-of-range), and page × size can never overflow an int or reach the
     * database as a negative offset (which would be a 500).
     */
    public static final int MAX_OFFSET = 1_000_000;

    /**
     * @param columns  allowed sort fields, API name to SQL column
     * @param fallback the default ORDER BY (always appended last, so pages are stable)
     */
    public static PageQuery of(Integer page, Integer size, List<String> sort, Map<String, String> columns, String fallback) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw DomainRejection.badRequest("request.page-negative", "page", p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw DomainRejection.badRequest("request.page-size", "size", MAX_SIZE);
        }
        if ((long) p * s > MAX_OFFSET) {
            throw DomainRejection.badRequest("request.page-out-of-range", "page", p, s, MAX_OFFSET);
        }
        List<String> applied = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        for (String entry : normalize(sort)) {
            String[] parts = entry.split(",");
            String field = parts[0].trim();
            String column = columns.get(field);
            if (column == null) {
                throw DomainRejection.badRequest("request.sort-unknown", "sort", field, String.join(", ", columns.keySet()));
            }
            boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
            clauses.add(column + (desc ? " desc" : " asc"));
            applied.add(field + "," + (desc ? "desc" : "asc"));
        }
        clauses.add(fallback);
        return new PageQuery(p, s, List.copyOf(applied), String.join(", ", clauses));
    }

    /**
     * Spring splits a single {@code sort=name,desc} into ["name", "desc"]; this joins a bare direction back to
     * the field before it, so both {@code sort=name,desc} and {@code sort=name,desc&sort=id} mean the same.
     */
    public static List<String> normalize(List<String> sort) {
        List<String> result = new ArrayList<>();
        for (String entry : sort == null ? List.<String>of() : sort) {
            String trimmed = entry.trim();
            boolean direction = trimmed.equalsIgnoreCase("asc") || trimmed.equalsIgnoreCase("desc");
            if (direction && !result.isEmpty() && !result.get(result.size() - 1).contains(",")) {
                result.set(result.size() - 1, result.get(result.size() - 1) + "," + trimmed);
            } else if (!trimmed.isEmpty()) {
                result.add(trimmed);
            }
        }
        return result;
    }

    public static Map<String, String> columns(String... apiNameThenColumn) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i + 1 < apiNameThenColumn.length; i += 2) {
            columns.put(apiNameThenColumn[i], apiNameThenColumn[i + 1]);
        }
        return columns;
    }

    public int offset() {
        return page * size;
    }

    /** " order by ... limit ? offset ?" — append to a query, then bind {@link #size()} and {@link #offset()}. */
    public String orderAndLimit() {
        return " order by " + orderBy + " limit " + size + " offset " + offset();
    }
}
