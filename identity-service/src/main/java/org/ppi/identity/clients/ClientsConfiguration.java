package org.ppi.identity.clients;

import org.ppi.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder encoder) {
        return new InMemoryRegisteredClientRepository(RegisteredClients.of(properties, encoder));
    }

    /**
     * A fixed issuer (PPI_ISSUER_URI) so that every token and the discovery document name the same address the
     * services check, whatever host a request used; blank leaves SAS to derive it from the request.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }
}
