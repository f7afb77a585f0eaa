package org.ppi.launcher.identity;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what Keycloak's browser flow answers: the login form's action and the query of a redirect. */
final class KeycloakPages {
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private KeycloakPages() {
    }

    /** The action of Keycloak's login form (id kc-form-login), HTML entities decoded. */
    static String loginFormAction(String html) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String tag = form.group();
            Matcher action = ACTION.matcher(tag);
            if (tag.contains("kc-form-login") && action.find()) {
                return action.group(1).replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
            }
        }
        throw new AssertionError("no login form in: " + html);
    }

    /** The decoded query parameters of a URI (a redirect's code, state, …). */
    static Map<String, String> query(URI uri) {
        Map<String, String> map = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                map.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
