package org.ppi.identity;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the identity provider reads from configuration ({@code ppi.identity.*}); the environment variables
 * that set each one are in application.yml.
 *
 * @param issuer        the issuer URI written in every token; blank = derived from each request (tests on a random port)
 * @param keyDirectory  where the RSA signing key is kept, so that a restart keeps issued tokens valid
 * @param passwordGrant LOCAL ONLY: registers the {@code ppi-cli} client and its {@code password} grant
 * @param gateway       the browser client (the gateway)
 * @param cli           the command-line client of the password grant
 * @param users         the users who can sign in (the demo users by default)
 */
@ConfigurationProperties("ppi.identity")
public record IdentityProperties(String issuer, Path keyDirectory, @DefaultValue("true") boolean passwordGrant,
                                 @DefaultValue Gateway gateway, @DefaultValue Cli cli, List<User> users) {

    public IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Where the provider keeps what it must not forget on a restart: the signing key and the users created later. */
    public Path dataDirectory() {
        return keyDirectory != null ? keyDirectory : Path.of(System.getProperty("java.io.tmpdir"), "ppi-identity");
    }

    /** @param url the gateway's public address: its OAuth2 redirect URI is {@code <url>/login/oauth2/code/ppi} */
    public record Gateway(@DefaultValue("http://localhost:8080") String url,
                          @DefaultValue("ppi-gateway-secret") String clientSecret) {
    }

    public record Cli(@DefaultValue("ppi-cli") String clientSecret) {
    }

    /**
     * @param password plain text (hashed at start), or already encoded with its {@code {id}} prefix ({@code {bcrypt}…})
     */
    public record User(String username, String password, String institution, List<String> roles, List<String> centers,
                       String name) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            centers = centers == null ? List.of() : List.copyOf(centers);
        }
    }
}
