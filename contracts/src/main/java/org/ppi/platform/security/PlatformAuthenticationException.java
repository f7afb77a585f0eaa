package org.ppi.platform.security;

import org.springframework.security.core.AuthenticationException;

/** A refusal to authenticate that already has its platform error code (answered with 401 by {@link SecurityErrors}). */
public class PlatformAuthenticationException extends AuthenticationException {
    private final String code;

    public PlatformAuthenticationException(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
