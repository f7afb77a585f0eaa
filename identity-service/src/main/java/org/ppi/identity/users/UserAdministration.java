package org.ppi.identity.users;

import java.util.Comparator;
import java.util.List;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;

/**
 * Who administers which users. The platform admin creates and sees the institutions' admins (of any
 * institution); an institution admin creates, sees and disables the users of his own institution, with any role
 * but platform-admin. Any other user answers like an unknown one (404), so no institution learns who works in
 * another; only a taken user name is shared (409), since sign-in names are one list for the whole deployment.
 */
public final class UserAdministration {
    private final UserDirectory directory;

    public UserAdministration(UserDirectory directory) {
        this.directory = directory;
    }

    public record NewUser(String username, String password, String institution, List<String> roles, List<String> centers,
                          String name) {
    }

    public StoredUser create(Actor actor, NewUser form) {
        List<String> roles = form.roles() == null ? List.of() : List.copyOf(form.roles());
        String institution = form.institution();
        if (actor.hasRole(Roles.PLATFORM_ADMIN)) {
            roles.stream().filter(r -> !r.equals(Roles.INSTITUTION_ADMIN)).findFirst().ifPresent(r -> {
                throw DomainRejection.unprocessable("user.role-not-grantable", "roles", r);
            });
        } else {
            roles.stream().filter(r -> r.equals(Roles.PLATFORM_ADMIN)).findFirst().ifPresent(r -> {
                throw DomainRejection.unprocessable("user.role-not-grantable", "roles", r);
            });
            if (institution != null && !institution.equals(actor.institutionId())) {
                // Users of another institution are not his to create: as if that institution did not exist.
                throw DomainRejection.notFound("entity.not-found", "institution", institution);
            }
            institution = actor.institutionId();
        }
        String name = UserRules.blank(form.name()) ? form.username() : form.name();
        List<String> centers = form.centers() == null ? List.of() : List.copyOf(form.centers());
        return directory.create(new PlatformUser(form.username(), institution, roles, centers, name), form.password(),
                actor.userId());
    }

    public List<StoredUser> visibleTo(Actor actor) {
        return directory.all().stream().filter(u -> administers(actor, u.user()))
                .sorted(Comparator.comparing((StoredUser u) -> String.valueOf(u.user().institution()))
                        .thenComparing(u -> u.user().username()))
                .toList();
    }

    public StoredUser one(Actor actor, String username) {
        return directory.stored(username).filter(u -> administers(actor, u.user()))
                .orElseThrow(() -> DomainRejection.notFound("user.not-found", "username", username));
    }

    public StoredUser setEnabled(Actor actor, String username, boolean enabled) {
        one(actor, username);
        if (username.equals(actor.userId())) {
            throw DomainRejection.unprocessable("user.self", "username");
        }
        return directory.setEnabled(username, enabled);
    }

    private static boolean administers(Actor actor, PlatformUser user) {
        if (actor.hasRole(Roles.PLATFORM_ADMIN)) {
            return user.roles().contains(Roles.INSTITUTION_ADMIN);
        }
        return actor.hasRole(Roles.INSTITUTION_ADMIN) && actor.institutionId() != null
                && actor.institutionId().equals(user.institution());
    }
}
