package org.ppi.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a token must satisfy once its signature is verified: not expired (and carrying an expiry), from the
 * configured issuer, for the configured audience, naming a subject. Each failure carries the platform's error
 * code ({@link CodedError}), so the answer says which check failed.
 */
public final class TokenChecks {
    public static final String EXPIRED = "auth.token-expired";
    public static final String ISSUER = "auth.token-issuer";
    public static final String AUDIENCE = "auth.token-audience";
    public static final String INVALID = "auth.token-invalid";

    private TokenChecks() {
    }

    public static OAuth2TokenValidator<Jwt> of(PlatformSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                coded(INVALID, jwt -> jwt.getExpiresAt() == null ? failure("the token has no expiry (exp)")
                        : OAuth2TokenValidatorResult.success()),
                coded(EXPIRED, new JwtTimestampValidator()),
                coded(ISSUER, new JwtIssuerValidator(properties.getIssuerUri())),
                coded(AUDIENCE, new JwtAudienceValidator(properties.getAudience())),
                coded(INVALID, jwt -> jwt.getSubject() == null || jwt.getSubject().isBlank()
                        ? failure("the token has no subject (sub)") : OAuth2TokenValidatorResult.success())));
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }

    private static OAuth2TokenValidator<Jwt> coded(String code, OAuth2TokenValidator<Jwt> check) {
        return jwt -> {
            OAuth2TokenValidatorResult result = check.validate(jwt);
            if (!result.hasErrors()) {
                return result;
            }
            return OAuth2TokenValidatorResult.failure(result.getErrors().stream()
                    .map(e -> (OAuth2Error) new CodedError(code, e.getDescription())).toList());
        };
    }

    /** An {@code invalid_token} error that also carries the platform's code for it. */
    public static final class CodedError extends OAuth2Error {
        private final String platformCode;

        CodedError(String platformCode, String description) {
            super(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
            this.platformCode = platformCode;
        }

        public String platformCode() {
            return platformCode;
        }
    }
}
