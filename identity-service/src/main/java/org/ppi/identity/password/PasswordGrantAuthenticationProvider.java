package org.ppi.identity.password;

import java.security.Principal;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Checks the user's password and issues an access token through the same generator as SAS's own grants, so the
 * token has exactly the claims of a browser login. No refresh token: the command line simply asks again.
 * Failures answer in OAuth2's format: wrong user or password {@code invalid_grant} (400, not saying which),
 * a client without this grant {@code unauthorized_client}, a scope it does not have {@code invalid_scope}.
 */
public class PasswordGrantAuthenticationProvider implements AuthenticationProvider {
    private final AuthenticationManager users;
    private final OAuth2AuthorizationService authorizations;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    public PasswordGrantAuthenticationProvider(AuthenticationManager users, OAuth2AuthorizationService authorizations,
                                               OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.users = users;
        this.authorizations = authorizations;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PasswordGrantAuthenticationToken grant = (PasswordGrantAuthenticationToken) authentication;
        OAuth2ClientAuthenticationToken client = authenticatedClient(grant);
        RegisteredClient registeredClient = client.getRegisteredClient();
        if (registeredClient == null || !registeredClient.getAuthorizationGrantTypes().contains(PasswordGrant.TYPE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, null);
        }
        if (!registeredClient.getScopes().containsAll(grant.getScopes())) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, null);
        }
        Authentication user = authenticateUser(grant);
        Set<String> scopes = grant.getScopes();

        OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
                .registeredClient(registeredClient)
                .principal(user)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(scopes)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizationGrant(grant)
                .build();
        OAuth2Token generated = tokens.generate(context);
        if (generated == null) {
            throw error(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the access token.");
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, generated.getTokenValue(),
                generated.getIssuedAt(), generated.getExpiresAt(), scopes);

        // Stored like SAS's own grants, so that introspection and revocation know the token.
        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(registeredClient)
                .principalName(user.getName())
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizedScopes(scopes)
                .attribute(Principal.class.getName(), user);
        if (generated instanceof ClaimAccessor claims) {
            authorization.token(accessToken, metadata ->
                    metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
        } else {
            authorization.accessToken(accessToken);
        }
        authorizations.save(authorization.build());
        return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Authentication authenticateUser(PasswordGrantAuthenticationToken grant) {
        try {
            Authentication user = users.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(grant.getUsername(), grant.getPassword()));
            // Only the name and roles are kept in the stored authorization, never the password.
            return UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, user.getAuthorities());
        } catch (AuthenticationException e) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "Bad credentials");
        }
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication grant) {
        if (grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
            return client;
        }
        throw error(OAuth2ErrorCodes.INVALID_CLIENT, null);
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
