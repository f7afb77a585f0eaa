package org.ppi.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local OpenID Connect identity provider: the demo users of the platform sign in here, and every service
 * checks the JWTs it issues. Production may use another provider (Keycloak) with the same claims.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {
    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
