package org.ppi.identity.users;

import org.ppi.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

    /** Delegating (bcrypt for new hashes) so that stored hashes say how they were made: user passwords and client secrets. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDirectory userDirectory(IdentityProperties properties, PasswordEncoder passwordEncoder) {
        return new UserDirectory(properties.users(), passwordEncoder, UserFile.in(properties.dataDirectory()));
    }

    @Bean
    UserAdministration userAdministration(UserDirectory users) {
        return new UserAdministration(users);
    }
}
