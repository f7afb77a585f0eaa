package org.ppi.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PPI_ISSUER_BACKCHANNEL_URI} set (docker-compose: {@code http://keycloak:8080/realms/ppi}): the gateway reads
 * the provider's discovery document there, at start, instead of at the public issuer it cannot reach from inside the
 * container network. The document must name the public issuer ({@code PPI_ISSUER_URI}, checked in every ID and access
 * token's {@code iss}); its browser endpoints (authorization, end of session) are what the browser is sent to, its
 * back-channel endpoints (token, JWKS, userinfo) what the gateway calls. Keycloak with {@code KC_HOSTNAME} and
 * {@code KC_HOSTNAME_BACKCHANNEL_DYNAMIC=true} serves exactly such a document. Unset (the default), none of this
 * applies and the client registration and resource server use {@code issuer-uri} discovery (application.yml).
 */
@Configuration
@ConditionalOnExpression("!'${ppi.security.issuer-backchannel-uri:}'.isBlank()")
class IssuerBackchannel {
    private static final Logger log = LoggerFactory.getLogger(IssuerBackchannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The provider's metadata as read from the back-channel address. */
    record Metadata(String issuer, Map<String, Object> document) {
        String endpoint(String name) {
            Object value = document.get(name);
            if (!(value instanceof String text) || text.isBlank()) {
                throw new IllegalStateException("The discovery document of " + issuer + " has no " + name);
            }
            return text;
        }
    }

    @Bean
    Metadata issuerBackchannelMetadata(@Value("${ppi.security.issuer-uri}") String issuer,
                                       @Value("${ppi.security.issuer-backchannel-uri}") String backchannel) {
        String base = backchannel.endsWith("/") ? backchannel : backchannel + "/";
        URI discovery = URI.create(base + ".well-known/openid-configuration");
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("No discovery document at " + discovery + " (PPI_ISSUER_BACKCHANNEL_URI): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Discovery " + discovery + " answered " + response.statusCode());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = JSON.readValue(response.body(), Map.class);
        if (!issuer.equals(document.get("issuer"))) {
            throw new IllegalStateException("The discovery document at " + discovery + " names the issuer '"
                    + document.get("issuer") + "', not PPI_ISSUER_URI '" + issuer + "' (set the provider's public host"
                    + " name, e.g. Keycloak's KC_HOSTNAME, to the address in PPI_ISSUER_URI)");
        }
        Metadata metadata = new Metadata(issuer, document);
        log.info("Identity provider {}: metadata from {}, authorization at {}, tokens at {}, keys at {}", issuer,
                discovery, metadata.endpoint("authorization_endpoint"), metadata.endpoint("token_endpoint"),
                metadata.endpoint("jwks_uri"));
        return metadata;
    }

    /** The {@code ppi} registration with explicit provider endpoints (Boot's would discover at the public issuer). */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrationRepository(Metadata metadata,
            @Value("${spring.security.oauth2.client.registration.ppi.client-id}") String clientId,
            @Value("${spring.security.oauth2.client.registration.ppi.client-secret}") String clientSecret,
            @Value("${spring.security.oauth2.client.registration.ppi.redirect-uri}") String redirectUri,
            @Value("${spring.security.oauth2.client.registration.ppi.scope}") String scopes,
            @Value("${spring.security.oauth2.client.provider.ppi.user-name-attribute:sub}") String userNameAttribute) {
        Object userInfo = metadata.document().get("userinfo_endpoint");
        ClientRegistration registration = ClientRegistration.withRegistrationId(GatewaySecurity.REGISTRATION)
                .clientName(GatewaySecurity.REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(Arrays.stream(scopes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .issuerUri(metadata.issuer())
                .authorizationUri(metadata.endpoint("authorization_endpoint"))
                .tokenUri(metadata.endpoint("token_endpoint"))
                .jwkSetUri(metadata.endpoint("jwks_uri"))
                .userInfoUri(userInfo instanceof String u ? u : null)
                .userInfoAuthenticationMethod(AuthenticationMethod.HEADER)
                .userNameAttributeName(userNameAttribute)
                .providerConfigurationMetadata(metadata.document())
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Bearer tokens: keys from the back-channel JWKS, {@code iss} the public issuer, {@code aud} containing ppi. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(Metadata metadata,
                                  @Value("${spring.security.oauth2.resourceserver.jwt.audiences:ppi}") List<String> audiences) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(metadata.endpoint("jwks_uri"))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(metadata.issuer()),
                new JwtClaimValidator<java.util.Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        return decoder;
    }
}
