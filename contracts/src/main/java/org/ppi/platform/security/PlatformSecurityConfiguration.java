package org.ppi.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service of the platform is a JWT resource server: tokens verified here (signature, expiry, issuer,
 * audience), the actor taken from the token ({@link ActorFilter}), each endpoint's roles from {@link Permissions},
 * and every refusal in the platform's error format ({@link SecurityErrors}). No session, no CSRF (bearer tokens
 * only, no cookies), no login page.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder platformJwtDecoder(PlatformSecurityProperties properties) {
        if (StringUtils.hasText(properties.getPublicKey())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(properties.getPublicKey()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(TokenChecks.of(properties));
            return decoder;
        }
        if (StringUtils.hasText(properties.getJwkSetUri())) {
            // The key set is fetched on the first token, not at start-up.
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(TokenChecks.of(properties));
            return decoder;
        }
        if (StringUtils.hasText(properties.getIssuerBackchannelUri())) {
            // Metadata and keys from the back-channel address (a container network), iss checked against the
            // public issuer; discovery on the first token, like below.
            String backchannel = properties.getIssuerBackchannelUri();
            return answeringOr503(new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                                BackchannelDiscovery.jwkSetUri(backchannel, properties.getIssuerUri()))
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
                decoder.setJwtValidator(TokenChecks.of(properties));
                return decoder;
            }), backchannel);
        }
        // Discovery on the first token (retried on the next one if the provider does not answer yet).
        return answeringOr503(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.getIssuerUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(TokenChecks.of(properties));
            return decoder;
        }), properties.getIssuerUri());
    }

    private static JwtDecoder answeringOr503(JwtDecoder lazy, String provider) {
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException e) {
                // Not the token's fault: a JwtException (not BadJwtException) becomes 503, not 401 nor a bare 500.
                throw new JwtException("The identity provider " + provider + " does not answer", e);
            }
        };
    }

    @Bean
    public TokenActors platformTokenActors(PlatformSecurityProperties properties) {
        return new TokenActors(properties);
    }

    @Bean
    public SecurityErrors platformSecurityErrors(MessageSource messages, ObjectProvider<LocaleResolver> locales,
                                                 ObjectProvider<JsonMapper> json) {
        return new SecurityErrors(messages, locales.getIfAvailable(),
                json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, TokenActors actors,
                                                           SecurityErrors errors) throws Exception {
        return resourceServer(http, decoder, actors, errors).build();
    }

    /**
     * The platform's resource-server rules on {@code http}: bearer tokens only, the actor from the token, each
     * endpoint's roles from {@link Permissions}, refusals in the platform format. Public so that a service with
     * chains of its own (the identity provider's user administration) applies the very same rules.
     */
    public static HttpSecurity resourceServer(HttpSecurity http, JwtDecoder decoder, TokenActors actors,
                                              SecurityErrors errors) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> permissions = (authentication, context) -> {
            var auth = authentication.get();
            if (!(auth instanceof JwtAuthenticationToken)) {
                return new AuthorizationDecision(false);
            }
            var roles = auth.getAuthorities().stream().map(a -> a.getAuthority().substring("ROLE_".length())).toList();
            return new AuthorizationDecision(Permissions.allows(context.getRequest().getMethod(),
                    ActorFilter.path(context.getRequest()), roles));
        };
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(Permissions.OPEN.toArray(String[]::new)).permitAll()
                        .anyRequest().access(permissions))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(actors))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // An unreachable identity provider answers 503 in the platform format, not a bare 500.
                                filter.setAuthenticationFailureHandler(errors);
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .addFilterAfter(new ActorFilter(actors, errors), BearerTokenAuthenticationFilter.class);
    }

    static RSAPublicKey rsaPublicKey(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("ppi.security.public-key is not an RSA public key (PEM or Base64 X.509)", e);
        }
    }
}
