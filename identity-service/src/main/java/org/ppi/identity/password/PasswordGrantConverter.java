package org.ppi.identity.password;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/** Reads {@code grant_type=password&username=…&password=…[&scope=…]} at the token endpoint (SAS's extension point). */
public class PasswordGrantConverter implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrant.TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null; // another grant: SAS's own converters handle it
        }
        String username = single(request, PasswordGrant.USERNAME);
        String password = single(request, PasswordGrant.PASSWORD);
        Set<String> scopes = new LinkedHashSet<>();
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        if (StringUtils.hasText(scope)) {
            scopes.addAll(Arrays.asList(StringUtils.delimitedListToStringArray(scope.trim(), " ")));
            scopes.remove("");
        }
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!Set.of(OAuth2ParameterNames.GRANT_TYPE, OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET,
                    OAuth2ParameterNames.SCOPE, PasswordGrant.USERNAME, PasswordGrant.PASSWORD).contains(name)) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        // The client was authenticated by SAS's client authentication filter before this runs.
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return new PasswordGrantAuthenticationToken(username, password, scopes, client, additional);
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length != 1 || !StringUtils.hasText(values[0])) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "OAuth 2.0 Parameter: " + name, null));
        }
        return values[0];
    }
}
