package org.ppi.platform.web;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal into an {@link ApiError} in the request's language (Spanish unless asked otherwise). */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private final MessageSource messages;

    public ApiErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainRejection.class)
    public ResponseEntity<ApiError> rejected(DomainRejection e) {
        return body(e.status(), e.code(), e.field(), e.args());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError> details = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError(400, "request.invalid-field", f.getField(),
                        text("request.invalid-field", f.getField(), f.getDefaultMessage())))
                .toList();
        String field = details.isEmpty() ? null : details.get(0).field();
        return ResponseEntity.status(400).body(new ApiError(400, "request.invalid", field,
                details.isEmpty() ? text("request.invalid") : details.get(0).message(), details));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge tooLarge) {
                return body(413, "request.too-large", null, tooLarge.maxBytes());
            }
        }
        return body(400, "request.malformed", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return body(400, "request.bad-parameter", e.getName(), e.getName());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ApiError> missing(Exception e) {
        String name = e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return body(400, "request.missing-parameter", name, name);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return body(405, "request.method-not-allowed", null, e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(415, "request.media-type", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return body(404, "request.no-such-path", null, e.getResourcePath());
    }

    public ResponseEntity<ApiError> body(int status, String code, String field, Object... args) {
        return ResponseEntity.status(status).body(new ApiError(status, code, field, text(code, args)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (DatabaseInterruption.causedBy(e)) {
            return databaseInterrupted(e);
        }
        log.error("Unexpected failure", e);
        return body(500, "server.error", null);
    }

    /** The database went away mid-request: 503, retry shortly; what was being written is all there or not at all. */
    public ResponseEntity<ApiError> databaseInterrupted(Throwable e) {
        log.warn("Database interrupted while handling a request: {}", e.toString());
        return ResponseEntity.status(503).header("Retry-After", "2")
                .body(new ApiError(503, "service.database-interrupted", null, text("service.database-interrupted")));
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
