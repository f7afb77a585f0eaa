package org.ppi.identity.users;

import java.time.Instant;
import java.util.List;

import org.ppi.identity.users.UserAdministration.NewUser;
import org.ppi.platform.web.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The users of the local identity provider, through the gateway at {@code /api/identity/users}. */
@RestController
@RequestMapping("/api/identity/users")
class UserController {
    private final UserAdministration administration;

    UserController(UserAdministration administration) {
        this.administration = administration;
    }

    /** What the API shows of a user: never the password hash. */
    record UserView(String username, String institution, List<String> roles, List<String> centers, String name,
                    boolean enabled, String createdBy, Instant createdAt) {
        static UserView of(StoredUser u) {
            return new UserView(u.user().username(), u.user().institution(), u.user().roles(), u.user().centers(),
                    u.user().name(), u.enabled(), u.createdBy(), u.createdAt());
        }
    }

    record EnabledForm(boolean enabled) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(Actor actor, @RequestBody NewUser form) {
        return UserView.of(administration.create(actor, form));
    }

    @GetMapping
    List<UserView> list(Actor actor) {
        return administration.visibleTo(actor).stream().map(UserView::of).toList();
    }

    @GetMapping("/{username}")
    UserView one(Actor actor, @PathVariable String username) {
        return UserView.of(administration.one(actor, username));
    }

    @PutMapping("/{username}/enabled")
    UserView setEnabled(Actor actor, @PathVariable String username, @RequestBody EnabledForm form) {
        return UserView.of(administration.setEnabled(actor, username, form.enabled()));
    }
}
