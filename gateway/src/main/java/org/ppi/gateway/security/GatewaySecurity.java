package org.ppi.gateway.security;

import java.util.List;

import org.ppi.gateway.ErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The door's security. Browsers sign in with OpenID Connect (authorization code + PKCE; the session cookie then
 * carries them, CSRF-protected with a readable XSRF-TOKEN cookie the page echoes in X-XSRF-TOKEN) and their
 * requests reach the services with the session's access token (TokenRelay); API clients send a bearer JWT that is
 * verified here (issuer, signature, expiry, audience {@code ppi}) and passed on as it is. {@code /api/**} without a
 * valid identity answers 401 in the platform's error format; a browser page goes to the login. CORS stays closed
 * (no cross-origin grant), pages may not be framed, and the OpenAPI pages and health stay public.
 */
@Configuration
@EnableWebFluxSecurity
class GatewaySecurity {
    static final String REGISTRATION = "ppi";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self' http: https:; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain platformSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
                                           org.springframework.core.convert.converter.Converter<org.springframework.security.oauth2.jwt.Jwt, Mono<org.springframework.security.authentication.AbstractAuthenticationToken>> jwtConverter,
                                           @org.springframework.beans.factory.annotation.Value("${ppi.gateway.metrics.scrape-from:127.0.0.1/32,::1/128}") String scrapeFrom) {
        ServerAuthenticationEntryPoint api = (exchange, e) -> ErrorResponses.write(exchange, HttpStatus.UNAUTHORIZED,
                "auth.unauthenticated");
        ServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler logout = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();
        return http
                .authorizeExchange(a -> a
                        .pathMatchers("/api/health", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/api/docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers("/actuator/prometheus").access(new MetricsScrapers(scrapeFrom))
                        .pathMatchers("/actuator/**").denyAll()
                        .pathMatchers("/api/admin/**").hasAuthority(PlatformAuthorities.role("platform-admin"))
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(pkce))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
                        .authenticationEntryPoint(api))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> isApi(exchange) ? api.commence(exchange, ex)
                                : signIn.commence(exchange, ex))
                        .accessDeniedHandler((exchange, denied) -> ErrorResponses.write(exchange, HttpStatus.FORBIDDEN,
                                "auth.forbidden")))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(sessionChanges())
                        .accessDeniedHandler((exchange, denied) -> ErrorResponses.write(exchange, HttpStatus.FORBIDDEN,
                                "auth.csrf")))
                .logout(l -> l.logoutSuccessHandler(logout))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * CSRF guards what a session cookie can do: state-changing requests that carry the session cookie and no bearer
     * token. A request with neither is refused as unauthenticated instead.
     */
    private static ServerWebExchangeMatcher sessionChanges() {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE).contains(method);
            String authorization = exchange.getRequest().getHeaders().getFirst("Authorization");
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            boolean session = exchange.getRequest().getCookies().containsKey("SESSION");
            return safe || bearer || !session ? ServerWebExchangeMatcher.MatchResult.notMatch()
                    : ServerWebExchangeMatcher.MatchResult.match();
        };
    }

    /** Sends the XSRF-TOKEN cookie on every response, so the page has it before its first change. */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    /** Refreshes and relays a browser session's access token (TokenRelay needs this bean in Gateway 5). */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository clients,
                                                                  ServerOAuth2AuthorizedClientRepository authorized) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(clients, authorized);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    private static boolean isApi(org.springframework.web.server.ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }
}
