package org.ppi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.web.Actor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** The kernel's token checks with the real decoder and the fixed test key: each failure names its own code. */
class TokenVerificationTest {
    private final PlatformSecurityProperties properties = properties();
    private final JwtDecoder decoder = new PlatformSecurityConfiguration().platformJwtDecoder(properties);

    private static PlatformSecurityProperties properties() {
        PlatformSecurityProperties p = new PlatformSecurityProperties();
        p.setPublicKey(TestTokens.publicKeyPem());
        p.setIssuerUri(TestTokens.ISSUER);
        return p;
    }

    @Test
    void aValidTokenGivesTheActorOfTheContract() {
        Jwt jwt = decoder.decode(TestTokens.builder().institution("inst-a").user("ana").roles("center-manager", "bogus")
                .centers("c1", "c2").sign());
        Actor actor = new TokenActors(properties).actor(jwt);
        assertThat(actor.institutionId()).isEqualTo("inst-a");
        assertThat(actor.userId()).isEqualTo("ana");
        assertThat(actor.roles()).containsExactly("center-manager");
        assertThat(actor.centers()).containsExactlyInAnyOrder("c1", "c2");
        assertThat(new TokenActors(properties).actor(decoder.decode(TestTokens.builder().roles("platform-admin").sign()))
                .institutionId()).isNull();
    }

    @Test
    void claimNamesAreConfigurable() {
        properties.getClaims().setInstitution("tenant");
        properties.getClaims().setRoles("groups");
        Jwt jwt = decoder.decode(TestTokens.builder().roles(List.of()).claim("tenant", "inst-k")
                .claim("groups", "analyst auditor").sign());
        Actor actor = new TokenActors(properties).actor(jwt);
        assertThat(actor.institutionId()).isEqualTo("inst-k");
        assertThat(actor.roles()).containsExactlyInAnyOrder("analyst", "auditor");
    }

    @Test
    void eachBadTokenHasItsCode() {
        assertThat(code(TestTokens.builder().institution("a").expiresAt(Instant.now().minusSeconds(600)).sign()))
                .isEqualTo("auth.token-expired");
        assertThat(code(TestTokens.builder().institution("a").signedByAnotherKey().sign())).isEqualTo("auth.token-invalid");
        assertThat(code(TestTokens.builder().institution("a").issuer("https://other").sign())).isEqualTo("auth.token-issuer");
        assertThat(code(TestTokens.builder().institution("a").audience("other").sign())).isEqualTo("auth.token-audience");
        assertThat(code(TestTokens.builder().institution("a").expiresAt(null).sign())).isEqualTo("auth.token-invalid");
        assertThat(code("garbage")).isEqualTo("auth.token-invalid");
    }

    private String code(String token) {
        Throwable failure = catchThrowable(() -> decoder.decode(token));
        assertThat(failure).isNotNull();
        return SecurityErrors.code(new InvalidBearerTokenException(failure.getMessage(), failure));
    }
}
