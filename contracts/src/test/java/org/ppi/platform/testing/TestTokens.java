package org.ppi.platform.testing;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Access tokens for tests, shaped like the identity contract's (RS256; sub, institution, roles, centers, name,
 * aud ppi) and signed with a fixed RSA test key. {@link #register} points a service under test at the public half
 * ({@code ppi.security.public-key}) and the test issuer, so every signature is really verified. Never use this key
 * outside tests.
 */
public final class TestTokens {
    public static final String ISSUER = "https://identity.test.ppi";
    public static final String AUDIENCE = "ppi";
    /** What ApiClient gives a user by default: every institution role (not platform-admin). */
    public static final List<String> INSTITUTION_ROLES = List.of("institution-admin", "surveyor", "center-manager",
            "authority", "auditor", "analyst");

    private static final String PRIVATE_KEY = ""
            + "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDQbQYfXRlHfYmyc1/6BVM9VX3wdLzUPzjWq75jXnGZ7NeJEO35"
            + "HLDQ43RuT+7YZEAH74NDG6LYNT0l3MPFiW7moE4+9cEIx+YLYuzAZsps8b9+tQ97YTrB4krQ9TQ9mYWgpZitLHp08QApCpK8mk8g"
            + "jagh9Z0fNFCGC965WnQa/l+4yMCs/Z1wAwT0hhBd2xScD3X3wcYPAWT793apds94U7XhZWhVvFgUxk+rV2TQg0zaxDmHXu1KEvVb"
            + "wxpFqEggsku96i7EG1SkR+hiWRByy0sjhaAxlm9AkvN45/MaqIdmbPOUWc3T44IB2sLXSxpU87GlylaIomBJRtLNBOsfAgMBAAEC"
            + "ggEAGrZ2a+ujM0nwLXpjCSjIj9pWr0xO7UcDEmRlnNe8aJV11F/imCRotwUH5aGCA6Lpn/q/EIlIuDwuj505TCZ+m7lc/e3CZU01"
            + "ey0dGdWyyP6849Dx4IbIIJRPsXNT1DdKbJn8tOk38qf2tMvhnaGLValCLMQNdLPgRCXeUFQ7AEBxqiitt6XjmRmw0XBzYYsoXJcX"
            + "skS55DFAs1Ktb9B3T3fasRLZylK70z7h1lSJas2w/YlfW+6NVl9yFWnZUPZE5u6w2CUv7I5ptXy/yU0JRD9xTPp/5fczrBUgwSKW"
            + "FYlVEkMqhsrRL2o6q94TdioX1mbQyRPrjyZwsF8tRCSPfQKBgQDtGzT1ypTa10pl+j3WoDvNMLag6RTfi2FlAXvAPA6fa6C/1OhE"
            + "qdU8lMVhiNSxiHjUG+pdQaDHwOk1ey74XtMHi/He34sXsMej1yH2GnjwE4TAR3S3BByH/ENeLW30Uemi9xOeyAqDfVjO1G0dWHmi"
            + "3Ej+TV6SnJY/hPL/enJCJQKBgQDhCMIL8etV7XTbC7zitgBigbgg1HMULDWuP9b0sbYOISzeRzQSjYP1PEpZZUqsmKrK0No6tukJ"
            + "RQ0lsX3/ltdEmReJyDKe4Mi7uxN36Pju+VH8RUwmCxQl+14sACPIEokUgtj+qyOhnrdgxvgNYzf+oFBjdz5B6n42SkRiWJj68wKB"
            + "gHlP0UHsm0p4mmUgqqD0LISoZthfSMGzM2qVXraVQ7oHPCDKEuiGqEYtq+tiMch/laqYecmq+VMafXdShk6nXXtf+6lXYHgHh61p"
            + "NcQP+U6D/gjOxoWZAewFgoZd4gL+IfaySYSUvuRVrqlsAEPib6GG6YXLGhcTLMBlClryUCFNAoGAdk7bbdo/Borzr6GpKWvUIfXe"
            + "7uuioM1pX3XStgykESOh6i53EvXxlUGgOQWGz9znlf9dbBbzx1rVQabh/ji4bikqddaZvmuhPQlqf9Us4r6TOtTX5vxWGG3iIbHl"
            + "He+Yv/7WxHUHI5ZFBI02phsuuiBggxqS0abNug8riqTXsL8CgYBgEAS88Fa1KE2Kd8Znebw8/UaX8mXcuClMIE14Yzqe9wTNchlP"
            + "XMbXKO2MWIy639Wh0Q1y7C3oY6JUXBKdiGdkqkEvXAk1IDrVRCGHBVLGoOR0/ECswP2Oxfz9qXp1G6YFlLsAkFkZ0yHm2UUgQgQz"
            + "FfCD4UmPX4BTA0PKQSyQ+Q==";
    private static final RSAPrivateCrtKey KEY;
    private static final RSAPublicKey PUBLIC_KEY;

    static {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            KEY = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_KEY)));
            PUBLIC_KEY = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(KEY.getModulus(), KEY.getPublicExponent()));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestTokens() {
    }

    /** Points the service under test at the test key and issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("ppi.security.public-key", TestTokens::publicKeyPem);
        registry.add("ppi.security.issuer-uri", () -> ISSUER);
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PUBLIC_KEY.getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** A valid token for this user of this institution (null: the platform admin's shape) with these roles. */
    public static String token(String institution, String user, List<String> roles) {
        return builder().institution(institution).user(user).roles(roles).sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every claim settable, to build the tokens a service must refuse too. */
    public static final class Builder {
        private String institution;
        private String user = "tester";
        private List<String> roles = INSTITUTION_ROLES;
        private List<String> centers = List.of();
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private boolean otherKey;

        public Builder institution(String institution) {
            this.institution = institution;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder roles(List<String> roles) {
            this.roles = roles;
            return this;
        }

        public Builder roles(String... roles) {
            return roles(List.of(roles));
        }

        public Builder centers(List<String> centers) {
            this.centers = centers;
            return this;
        }

        public Builder centers(String... centers) {
            return centers(List.of(centers));
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        /** Signed by a freshly generated key the service does not trust (a forged token). */
        public Builder signedByAnotherKey() {
            this.otherKey = true;
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .jwtID(UUID.randomUUID().toString())
                    .issuer(issuer)
                    .subject(user)
                    .audience(audience.isEmpty() ? null : new ArrayList<>(audience))
                    .issueTime(Date.from(issuedAt()))
                    .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                    .claim("roles", roles)
                    .claim("name", user);
            if (institution != null) {
                claims.claim("institution", institution);
            }
            if (!centers.isEmpty()) {
                claims.claim("centers", centers);
            }
            extra.forEach(claims::claim);
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                        .keyID("ppi-test").build(), claims.build());
                jwt.sign(new RSASSASigner(otherKey ? otherKey() : KEY));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Shortly before now, or a lifetime before an expiry in the past (an old token, like a real expired one). */
        private Instant issuedAt() {
            Instant now = Instant.now().minusSeconds(5);
            if (expiresAt == null) {
                return now;
            }
            Instant lifetimeBefore = expiresAt.minus(Duration.ofMinutes(15));
            return lifetimeBefore.isBefore(now) ? lifetimeBefore : now;
        }

        private static java.security.PrivateKey otherKey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return pair.getPrivate();
        }
    }
}
