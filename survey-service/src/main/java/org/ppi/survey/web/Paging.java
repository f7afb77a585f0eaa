package org.ppi.survey.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.PageQuery;

/**
 * Reads page, size and sort straight from the request: Spring would split a single {@code sort=name,desc}
 * into two list elements, which PageQuery would then read as two fields.
 */
public final class Paging {
    private Paging() {
    }

    public static PageQuery of(HttpServletRequest request, Map<String, String> columns, String fallback) {
        String[] sort = request.getParameterValues("sort");
        return PageQuery.of(integer(request, "page"), integer(request, "size"),
                sort == null ? List.of() : List.of(sort), columns, fallback);
    }

    private static Integer integer(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw DomainRejection.badRequest("request.bad-parameter", name, name);
        }
    }
}
