package org.ppi.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ppi.security.*}: how a service verifies access tokens. The issuer comes from {@code PPI_ISSUER_URI}
 * (ppi-platform.yml); the keys come, in this order, from {@code public-key} (a fixed RSA key: tests, offline
 * deployments), {@code jwk-set-uri} (an explicit JWKS address), the {@code jwks_uri} of the discovery document at
 * {@code issuer-backchannel-uri} ({@code PPI_ISSUER_BACKCHANNEL_URI}: where the provider answers inside a container
 * network, while {@code iss} is still checked against the public issuer), else from the issuer's own discovery
 * document; discovery happens on the first request, so a service starts before its identity provider.
 */
@ConfigurationProperties("ppi.security")
public class PlatformSecurityProperties {
    private String issuerUri = "http://localhost:9000";
    private String jwkSetUri;
    private String issuerBackchannelUri;
    private String publicKey;
    private String audience = "ppi";
    private final Claims claims = new Claims();

    public String getIssuerUri() {
        return issuerUri;
    }

    public void setIssuerUri(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    public String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    /** Where the issuer's metadata and keys are read when the public issuer is not reachable from here. */
    public String getIssuerBackchannelUri() {
        return issuerBackchannelUri;
    }

    public void setIssuerBackchannelUri(String issuerBackchannelUri) {
        this.issuerBackchannelUri = issuerBackchannelUri;
    }

    /** An RSA public key, PEM ("-----BEGIN PUBLIC KEY-----") or bare Base64 of the X.509 encoding. */
    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    /** The audience every accepted token must contain ({@code aud}). */
    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Claims getClaims() {
        return claims;
    }

    /** Claim names, for providers that cannot emit the contract's names. */
    public static class Claims {
        private String institution = "institution";
        private String roles = "roles";
        private String centers = "centers";

        public String getInstitution() {
            return institution;
        }

        public void setInstitution(String institution) {
            this.institution = institution;
        }

        public String getRoles() {
            return roles;
        }

        public void setRoles(String roles) {
            this.roles = roles;
        }

        public String getCenters() {
            return centers;
        }

        public void setCenters(String centers) {
            this.centers = centers;
        }
    }
}
