package org.ppi.platform.security;

import static org.ppi.platform.security.Roles.ANALYST;
import static org.ppi.platform.security.Roles.AUDITOR;
import static org.ppi.platform.security.Roles.AUTHORITY;
import static org.ppi.platform.security.Roles.CENTER_MANAGER;
import static org.ppi.platform.security.Roles.INSTITUTION_ADMIN;
import static org.ppi.platform.security.Roles.PLATFORM_ADMIN;
import static org.ppi.platform.security.Roles.SURVEYOR;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: the one table of the platform (documented as the roles matrix in the README). The first rule
 * whose method and path pattern match decides; a request no rule matches is refused (403), so a new endpoint is
 * closed until it is listed here. Open addresses (health, info, OpenAPI) are in {@link #OPEN}.
 * <p>
 * A rule marked {@code platform} is deployment-wide: a token without an institution (the platform administrator)
 * may use it. Any other rule needs a token that names an institution. Finer checks that depend on the data stay
 * with the data: a center manager validates only interviews of the centers in his token, checked by the Interview
 * aggregate.
 */
public final class Permissions {
    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> REPLAY = Set.of("POST", "GET", "HEAD");
    private static final String[] READERS = {INSTITUTION_ADMIN, SURVEYOR, CENTER_MANAGER, AUTHORITY, AUDITOR, ANALYST};

    /**
     * Reachable without a token. {@code /actuator/prometheus} is for the scraper on the service's own port: the
     * gateway routes only {@code /api/**} to the services, so it is never reachable through the public door.
     */
    public static final List<String> OPEN = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/api/docs/**");

    public static final List<Rule> RULES = List.of(
            // Deployment-wide: institutions and the rebuild of read models.
            platform(Set.of("POST"), "/api/survey/institutions", PLATFORM_ADMIN),
            platform(Set.of("POST"), "/api/*/admin/replay", PLATFORM_ADMIN),
            // The relay's parked events name every institution's events: the deployment's operator alone.
            platform(Set.of("GET", "HEAD", "POST"), "/api/*/admin/relay/**", PLATFORM_ADMIN),
            // So do the events a projection parked (every institution's), their retries and skips.
            platform(Set.of("GET", "HEAD", "POST"), "/api/*/admin/parked/**", PLATFORM_ADMIN),
            platform(READ, "/api/*/admin/**", PLATFORM_ADMIN, AUDITOR),
            // Users: the platform admin creates institutions' admins, an institution admin the users of his own
            // institution (which users each may see and create is checked by the identity provider's UserAdministration).
            platform(Set.of("GET", "HEAD", "POST", "PUT"), "/api/identity/users/**", PLATFORM_ADMIN, INSTITUTION_ADMIN),

            // One institution's read models rebuilt from the service's event log: the institution's own (the token's
            // institution), for its auditor and its administrator; not deployment-wide.
            rule(REPLAY, "/api/costing/institution/replay", AUDITOR, INSTITUTION_ADMIN),
            rule(REPLAY, "/api/budget/institution/replay", AUDITOR, INSTITUTION_ADMIN),

            // Survey: the institution's settings belong to its administrator; interviews to surveyors.
            rule(Set.of("PUT"), "/api/survey/institution/**", INSTITUTION_ADMIN),
            rule(WRITE, "/api/survey/scopes/**", INSTITUTION_ADMIN),
            rule(WRITE, "/api/survey/centers/**", INSTITUTION_ADMIN),
            rule(WRITE, "/api/survey/employees/**", INSTITUTION_ADMIN),
            rule(Set.of("POST"), "/api/survey/interviews/*/validation", INSTITUTION_ADMIN, CENTER_MANAGER),
            rule(Set.of("POST"), "/api/survey/interviews", INSTITUTION_ADMIN, SURVEYOR),
            rule(Set.of("PUT"), "/api/survey/interviews/*/allocations", INSTITUTION_ADMIN, SURVEYOR),
            rule(Set.of("POST"), "/api/survey/interviews/*/corrections", INSTITUTION_ADMIN, SURVEYOR),
            // A whole sheet of hours at once, as JSON or as an uploaded workbook (its dry run included); the
            // workbook's download is a read.
            rule(Set.of("PUT"), "/api/survey/interviews/*/sheet", INSTITUTION_ADMIN, SURVEYOR),
            rule(Set.of("POST"), "/api/survey/interviews/*/workbook", INSTITUTION_ADMIN, SURVEYOR),

            // Catalog: products are recorded by surveyors during the interviews.
            rule(WRITE, "/api/catalog/products/**", INSTITUTION_ADMIN, SURVEYOR),

            // Value chains and programs are the institution's planning settings.
            rule(WRITE, "/api/valuechain/**", INSTITUTION_ADMIN),

            // Every read of the institution's data (lists, details, lineage, as-of, CSV, history).
            rule(READ, "/api/**", READERS));

    private Permissions() {
    }

    /** The rule deciding this request, if any. */
    public static Optional<Rule> find(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(r -> r.matches(method, container)).findFirst();
    }

    /** Whether a caller with these roles may call this method and path. */
    public static boolean allows(String method, String path, Collection<String> roles) {
        return find(method, path).map(r -> r.allows(roles)).orElse(false);
    }

    /** Whether a token without institution may call this (a deployment-wide endpoint). */
    public static boolean platformLevel(String method, String path) {
        return find(method, path).map(Rule::platform).orElse(false);
    }

    private static Rule rule(Set<String> methods, String pattern, String... roles) {
        return new Rule(methods, PARSER.parse(pattern), Set.of(roles), false);
    }

    private static Rule platform(Set<String> methods, String pattern, String... roles) {
        return new Rule(methods, PARSER.parse(pattern), Set.of(roles), true);
    }

    /** Methods and a path pattern, the roles any of which is enough, and whether it is deployment-wide. */
    public record Rule(Set<String> methods, PathPattern pattern, Set<String> roles, boolean platform) {
        boolean matches(String method, PathContainer path) {
            return methods.contains(method) && pattern.matches(path);
        }

        public boolean allows(Collection<String> granted) {
            return granted.stream().anyMatch(roles::contains);
        }

        @Override
        public String toString() {
            return methods + " " + pattern.getPatternString() + " -> " + roles + (platform ? " (platform)" : "");
        }
    }

    /** The table, one line per rule (for logs and the documentation). */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        RULES.forEach(r -> text.append(r).append('\n'));
        return text.toString() + "otherwise -> refused; open: " + Arrays.toString(OPEN.toArray());
    }
}
