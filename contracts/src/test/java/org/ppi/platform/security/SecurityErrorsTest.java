package org.ppi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.web.PlatformWebConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The refusals written by the security filters: ApiError JSON, Spanish unless English is asked for. */
class SecurityErrorsTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecurityErrors errors = errors();

    private SecurityErrors errors() {
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(PlatformWebConfiguration.SPANISH);
        return new SecurityErrors(new PlatformWebConfiguration().messageSource(), locales, json);
    }

    @Test
    void noTokenIs401InSpanishByDefault() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        errors.commence(new MockHttpServletRequest("GET", "/api/x"), response, new InsufficientAuthenticationException("x"));
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(body.path("code").asString()).isEqualTo("auth.unauthenticated");
        assertThat(body.path("message").asString()).startsWith("Debe iniciar sesión");
    }

    @Test
    void forbiddenIs403InEnglishWhenAsked() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        request.addHeader("Accept-Language", "en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        errors.handle(request, response, new AccessDeniedException("no"));
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(body.path("status").asInt()).isEqualTo(403);
        assertThat(body.path("code").asString()).isEqualTo("auth.forbidden");
        assertThat(body.path("message").asString()).isEqualTo("Your role does not allow this operation.");
    }

    @Test
    void anIdentityProviderThatDoesNotAnswerIs503AndDoesNotStopTheStart() throws Exception {
        PlatformSecurityProperties properties = new PlatformSecurityProperties();
        properties.setIssuerUri("http://127.0.0.1:9");
        JwtDecoder lazy = new PlatformSecurityConfiguration().platformJwtDecoder(properties); // no call made yet
        Throwable failure = catchThrowable(() -> lazy.decode(TestTokens.token("a", "u", TestTokens.INSTITUTION_ROLES)));
        assertThat(failure).isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class);

        MockHttpServletResponse response = new MockHttpServletResponse();
        errors.commence(new MockHttpServletRequest("GET", "/api/x"), response,
                new AuthenticationServiceException(failure.getMessage(), failure));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(json.readTree(response.getContentAsString()).path("code").asString())
                .isEqualTo("auth.provider-unavailable");
    }
}
