package org.ppi.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;


/**
 * Sorting and paging of an institution's figures in memory: live figures and as-of figures (computed from
 * history) go through the same code, so both answer a page the same way. An institution has hundreds of
 * figures, not millions. Sort fields are whitelisted (API name → comparator).
 */
public final class InMemoryPage {
    private InMemoryPage() {
    }

    public static <T> PageResponse<T> page(List<T> rows, Integer page, Integer size, List<String> sort,
                                    Map<String, Comparator<T>> orders, Comparator<T> fallback) {
        PageQuery query = PageQuery.of(page, size, List.of(), Map.of(), "id");
        Comparator<T> order = null;
        List<String> applied = new ArrayList<>();
        for (String entry : PageQuery.normalize(sort)) {
            String[] parts = entry.split(",");
            Comparator<T> field = orders.get(parts[0].trim());
            if (field == null) {
                throw DomainRejection.badRequest("request.sort-unknown", "sort", parts[0].trim(), String.join(", ", orders.keySet()));
            }
            boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
            field = desc ? field.reversed() : field;
            order = order == null ? field : order.thenComparing(field);
            applied.add(parts[0].trim() + "," + (desc ? "desc" : "asc"));
        }
        order = order == null ? fallback : order.thenComparing(fallback);
        List<T> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        int from = Math.min(query.offset(), sorted.size());
        int to = Math.min(from + query.size(), sorted.size());
        PageResponse<T> base = PageResponse.of(sorted.subList(from, to), query, sorted.size());
        return new PageResponse<>(base.items(), base.page(), base.size(), base.totalItems(), base.totalPages(), applied);
    }

    public static <T, U extends Comparable<? super U>> Comparator<T> by(java.util.function.Function<T, U> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
