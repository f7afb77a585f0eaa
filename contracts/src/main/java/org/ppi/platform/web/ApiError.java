package org.ppi.platform.web;

import java.util.List;

/** The body of every 4xx/5xx answer: a machine code, the field at fault and a message in the caller's language. */
public record ApiError(int status, String code, String field, String message, List<ApiError> details) {
    public ApiError(int status, String code, String field, String message) {
        this(status, code, field, message, List.of());
    }
}
