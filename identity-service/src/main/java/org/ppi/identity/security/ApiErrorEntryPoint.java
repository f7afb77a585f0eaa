package org.ppi.identity.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ppi.platform.web.ApiErrorWriter;
import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 in the platform's error format for a request that is neither an OAuth2 one (those keep OAuth2's own
 * answers) nor a browser page (that one is sent to the login form). It runs in the security filters, before
 * Spring MVC, so it resolves the language itself with the application's locale resolver (Spanish by default).
 */
public class ApiErrorEntryPoint implements AuthenticationEntryPoint {
    static final String CODE = "auth.unauthenticated";
    private final ApiErrorWriter errors;

    public ApiErrorEntryPoint(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.errors = new ApiErrorWriter(messages, locales, json);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        errors.write(request, response, 401, CODE);
    }
}
