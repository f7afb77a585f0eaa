package org.ppi.identity.security;

import java.util.LinkedHashMap;
import java.util.Set;

import java.security.interfaces.RSAPublicKey;

import com.nimbusds.jose.jwk.RSAKey;
import org.ppi.identity.IdentityProperties;
import org.ppi.platform.security.PlatformSecurityConfiguration;
import org.ppi.platform.security.PlatformSecurityProperties;
import org.ppi.platform.security.SecurityErrors;
import org.ppi.platform.security.TokenActors;
import org.ppi.platform.security.TokenChecks;
import org.ppi.identity.password.PasswordGrantAuthenticationProvider;
import org.ppi.identity.password.PasswordGrantConverter;
import org.ppi.identity.users.UserDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains: the user administration API ({@code /api/identity/**}) as a resource server with the
 * platform's rules, then the two Spring Authorization Server expects: its protocol endpoints (token, authorize,
 * JWKS, discovery, userinfo…), then everything else (the login form, health, the small home page).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String LOGIN_PAGE = "/login";

    /**
     * The administration API trusts what every service trusts: a bearer token checked like theirs (this provider's
     * signature, expiry, {@code PPI_ISSUER_URI}, audience {@code ppi}), roles from the platform's one table.
     */
    @Bean
    @Order(0)
    SecurityFilterChain administrationChain(HttpSecurity http, RSAKey signingKey, PlatformSecurityProperties security,
                                            TokenActors actors, SecurityErrors errors) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) signingKey.toPublicKey()).build();
        decoder.setJwtValidator(TokenChecks.of(security));
        http.securityMatcher("/api/identity/**");
        return PlatformSecurityConfiguration.resourceServer(http, decoder, actors, errors).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, IdentityProperties properties, UserDirectory users,
                                                 PasswordEncoder encoder, OAuth2AuthorizationService authorizations,
                                                 OAuth2TokenGenerator<?> tokens) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
            if (properties.passwordGrant()) {
                server.tokenEndpoint(token -> token
                        .accessTokenRequestConverter(new PasswordGrantConverter())
                        .authenticationProvider(new PasswordGrantAuthenticationProvider(
                                userAuthentication(users, encoder), authorizations, tokens)));
            }
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The OIDC userinfo endpoint accepts the access tokens issued here.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // /oauth2/authorize from a browser without a session: to the login form, then back.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), html()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, MessageSource messages, LocaleResolver locales,
                                         JsonMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE, "/error", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        loginOrApiError(new ApiErrorEntryPoint(messages, locales, json))));
        return http.build();
    }

    /** Browsers go to the login form; API clients (curl sends Accept: *&#47;*) get a 401 in the platform format. */
    private static AuthenticationEntryPoint loginOrApiError(AuthenticationEntryPoint apiError) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(html(), new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
        DelegatingAuthenticationEntryPoint delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(apiError);
        return delegating;
    }

    private static RequestMatcher html() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /** The password grant checks users exactly like the login form: same directory, same encoder. */
    private static ProviderManager userAuthentication(UserDirectory users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }
}
