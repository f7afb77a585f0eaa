package org.ppi.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ppi.platform.web.ApiErrorWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the refusals of the security filters in the platform's {@link ApiError} format and the caller's language
 * (these happen before any controller, so the controller advice never sees them): 401 with the most precise code
 * (no token, expired, bad signature, wrong issuer, wrong audience, no institution, headers disagreeing), 403
 * {@code auth.forbidden}, and 503 when the identity provider's keys cannot be fetched. Nothing is executed, so
 * nothing is written.
 */
public class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {
    public static final String UNAUTHENTICATED = "auth.unauthenticated";
    public static final String FORBIDDEN = "auth.forbidden";
    public static final String HEADERS_DISAGREE = "auth.headers-disagree";
    public static final String INSTITUTION_MISSING = "auth.institution-missing";
    public static final String PROVIDER_UNAVAILABLE = "auth.provider-unavailable";

    private static final Logger log = LoggerFactory.getLogger(SecurityErrors.class);
    private final ApiErrorWriter errors;

    public SecurityErrors(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.errors = new ApiErrorWriter(messages, locales, json);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            log.warn("Cannot verify tokens: {}", e.getMessage());
            write(request, response, 503, PROVIDER_UNAVAILABLE);
            return;
        }
        String code = code(e);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, UNAUTHENTICATED.equals(code) ? "Bearer"
                : "Bearer error=\"invalid_token\"");
        write(request, response, 401, code);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        commence(request, response, e);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, FORBIDDEN);
    }

    /** The platform code of a failed authentication: the check that failed, else a generic one. */
    static String code(AuthenticationException e) {
        if (e instanceof PlatformAuthenticationException coded) {
            return coded.code();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream().filter(TokenChecks.CodedError.class::isInstance)
                        .map(err -> ((TokenChecks.CodedError) err).platformCode()).findFirst().orElse(TokenChecks.INVALID);
            }
        }
        return e instanceof OAuth2AuthenticationException ? TokenChecks.INVALID : UNAUTHENTICATED;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        errors.write(request, response, status, code);
    }
}
