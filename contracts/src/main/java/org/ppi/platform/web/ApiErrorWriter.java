package org.ppi.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiError} straight to the response, for refusals that happen in servlet filters (security,
 * request size), before Spring MVC and its {@link ApiErrorHandler} run. The language is the request's (the
 * application's locale resolver; Spanish without one or without Accept-Language).
 */
public class ApiErrorWriter {
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    public ApiErrorWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, Object... args)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Locale locale = locales != null ? locales.resolveLocale(request)
                : request.getHeader("Accept-Language") == null ? PlatformWebConfiguration.SPANISH : request.getLocale();
        String message = messages.getMessage(code, args, code, locale);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(new ApiError(status, code, null, message)));
        response.getWriter().flush();
    }
}
