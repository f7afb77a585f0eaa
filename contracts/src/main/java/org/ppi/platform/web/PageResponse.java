package org.ppi.platform.web;

import java.util.List;

/** One page of a list: the rows, where we are, how many there are in all, and the sort applied. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages, List<String> sort) {
    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long total) {
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new PageResponse<>(items, query.page(), query.size(), total, pages, query.sort());
    }
}
