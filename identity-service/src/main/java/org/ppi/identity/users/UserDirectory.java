package org.ppi.identity.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.identity.IdentityProperties;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users from configuration, checked once at start: a role outside the contract's set, a duplicate user name,
 * an institution user without institution or a platform admin with one stops the start with a message that
 * names the entry, instead of issuing tokens the services would misread.
 */
public class UserDirectory implements UserDetailsService {
    private final Map<String, PlatformUser> users = new LinkedHashMap<>();
    private final Map<String, UserDetails> credentials = new LinkedHashMap<>();

    public UserDirectory(List<IdentityProperties.User> entries, PasswordEncoder encoder) {
        for (int i = 0; i < entries.size(); i++) {
            IdentityProperties.User entry = entries.get(i);
            PlatformUser user = validated(i, entry);
            if (users.putIfAbsent(user.username(), user) != null) {
                throw invalid(i, entry, "el usuario «" + user.username() + "» ya está definido");
            }
            credentials.put(user.username(), User.withUsername(user.username())
                    .password(encoded(entry.password(), encoder))
                    .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                    .build());
        }
    }

    public Optional<PlatformUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public List<PlatformUser> all() {
        return List.copyOf(users.values());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails details = credentials.get(username);
        if (details == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        // A copy: the authentication provider erases the credentials of what it is given.
        return User.withUserDetails(details).build();
    }

    private static PlatformUser validated(int index, IdentityProperties.User entry) {
        if (blank(entry.username())) {
            throw invalid(index, entry, "falta username");
        }
        if (blank(entry.password())) {
            throw invalid(index, entry, "falta password");
        }
        if (entry.roles().isEmpty()) {
            throw invalid(index, entry, "falta al menos un rol; roles admitidos: " + String.join(", ", Roles.ALL));
        }
        List<String> unknown = new ArrayList<>(entry.roles());
        unknown.removeAll(Roles.ALL);
        if (!unknown.isEmpty()) {
            throw invalid(index, entry, "rol desconocido «" + String.join("», «", unknown) + "»; roles admitidos: "
                    + String.join(", ", Roles.ALL));
        }
        boolean admin = entry.roles().contains(Roles.PLATFORM_ADMIN);
        if (admin && !blank(entry.institution())) {
            throw invalid(index, entry, "platform-admin no pertenece a ninguna institución: quite institution");
        }
        if (!admin && blank(entry.institution())) {
            throw invalid(index, entry, "falta institution (solo platform-admin va sin institución)");
        }
        String name = blank(entry.name()) ? entry.username() : entry.name();
        return new PlatformUser(entry.username(), admin ? null : entry.institution(), entry.roles(), entry.centers(), name);
    }

    private static String encoded(String password, PasswordEncoder encoder) {
        // "{bcrypt}…" (any "{id}" prefix) is already a hash, e.g. in production configuration; anything else is
        // the plain demo password, hashed here so that no plain password is kept in memory after the start.
        return password.startsWith("{") && password.indexOf('}') > 1 ? password : encoder.encode(password);
    }

    private static IllegalStateException invalid(int index, IdentityProperties.User entry, String problem) {
        String who = entry.username() == null ? "" : " (" + entry.username() + ")";
        return new IllegalStateException("Configuración de usuarios no válida: ppi.identity.users[" + index + "]" + who
                + ": " + problem);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
