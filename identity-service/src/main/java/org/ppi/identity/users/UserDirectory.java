package org.ppi.identity.users;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import org.ppi.identity.IdentityProperties;
import org.ppi.platform.web.DomainRejection;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who can sign in: the users from configuration (checked once at start: an entry that breaks {@link UserRules}
 * stops the start with a message that names it, instead of issuing tokens the services would misread) and the
 * users created through the administration API, kept in {@link UserFile} so that a restart keeps them. A disabled
 * user can no longer sign in nor get a token; tokens already issued end with their expiry.
 */
public class UserDirectory implements UserDetailsService {
    private final Map<String, StoredUser> users = new LinkedHashMap<>();
    private final PasswordEncoder encoder;
    private final UserFile file;

    public UserDirectory(List<IdentityProperties.User> entries, PasswordEncoder encoder) {
        this(entries, encoder, UserFile.none());
    }

    public UserDirectory(List<IdentityProperties.User> entries, PasswordEncoder encoder, UserFile file) {
        this.encoder = encoder;
        this.file = file;
        for (int i = 0; i < entries.size(); i++) {
            IdentityProperties.User entry = entries.get(i);
            PlatformUser user = configured(i, entry);
            if (users.putIfAbsent(user.username(), new StoredUser(user, encoded(entry.password()), true, "configuration", null)) != null) {
                throw invalid(i, entry, "el usuario «" + user.username() + "» ya está definido");
            }
        }
        for (StoredUser stored : file.load()) {
            // A user created through the API keeps its state; a configured one only its enabled flag.
            users.merge(stored.user().username(), stored,
                    (configured, saved) -> saved.createdBy().equals("configuration") ? configured.enabled(saved.enabled()) : saved);
        }
    }

    public synchronized Optional<PlatformUser> find(String username) {
        return Optional.ofNullable(users.get(username)).map(StoredUser::user);
    }

    public synchronized Optional<StoredUser> stored(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public synchronized List<StoredUser> all() {
        return List.copyOf(users.values());
    }

    /** A new user with its initial password (hashed here); 409 if the name is taken, 400 if the user is not valid. */
    public synchronized StoredUser create(PlatformUser user, String password, String createdBy) {
        UserRules.check(user.username(), user.institution(), user.roles(), user.centers())
                .or(() -> UserRules.checkPassword(password))
                .ifPresent(p -> {
                    throw DomainRejection.badRequest(p.code(), p.field(), p.args());
                });
        if (users.containsKey(user.username())) {
            throw DomainRejection.conflict("user.exists", "username", user.username());
        }
        StoredUser stored = new StoredUser(user, encoder.encode(password), true, createdBy, Instant.now());
        users.put(user.username(), stored);
        save();
        return stored;
    }

    public synchronized StoredUser setEnabled(String username, boolean enabled) {
        StoredUser changed = users.computeIfPresent(username, (k, u) -> u.enabled(enabled));
        if (changed == null) {
            throw DomainRejection.notFound("user.not-found", "username", username);
        }
        save();
        return changed;
    }

    @Override
    public synchronized UserDetails loadUserByUsername(String username) {
        StoredUser stored = users.get(username);
        if (stored == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        // A new object each time: the authentication provider erases the credentials of what it is given.
        return User.withUsername(username).password(stored.passwordHash()).disabled(!stored.enabled())
                .authorities(stored.user().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .build();
    }

    private void save() {
        file.save(List.copyOf(users.values()));
    }

    private static PlatformUser configured(int index, IdentityProperties.User entry) {
        if (UserRules.blank(entry.username())) {
            throw invalid(index, entry, "falta username");
        }
        if (UserRules.blank(entry.password())) {
            throw invalid(index, entry, "falta password");
        }
        UserRules.check(entry.username(), entry.institution(), entry.roles(), entry.centers())
                .ifPresent(p -> {
                    throw invalid(index, entry, spanish(p));
                });
        String name = UserRules.blank(entry.name()) ? entry.username() : entry.name();
        boolean admin = entry.roles().contains(Roles.PLATFORM_ADMIN);
        return new PlatformUser(entry.username(), admin ? null : entry.institution(), entry.roles(), entry.centers(), name);
    }

    private String encoded(String password) {
        // "{bcrypt}…" (any "{id}" prefix) is already a hash, e.g. in production configuration; anything else is
        // the plain demo password, hashed here so that no plain password is kept in memory after the start.
        return password.startsWith("{") && password.indexOf('}') > 1 ? password : encoder.encode(password);
    }

    /** The start fails for the operator, who reads the platform's first language. */
    private static String spanish(UserRules.Problem problem) {
        String pattern = ResourceBundle.getBundle("messages", Locale.forLanguageTag("es")).getString(problem.code());
        return new MessageFormat(pattern, Locale.forLanguageTag("es")).format(problem.args());
    }

    private static IllegalStateException invalid(int index, IdentityProperties.User entry, String problem) {
        String who = entry.username() == null ? "" : " (" + entry.username() + ")";
        return new IllegalStateException("Configuración de usuarios no válida: ppi.identity.users[" + index + "]" + who
                + ": " + problem);
    }
}
