package org.ppi.identity.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppi.identity.IdentityProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserDirectoryTest {
    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    static IdentityProperties.User user(String username, String institution, String... roles) {
        return new IdentityProperties.User(username, "demo", institution, List.of(roles), List.of(), null);
    }

    @Test
    void plainPasswordsAreStoredAsBcryptHashes() {
        UserDirectory directory = new UserDirectory(List.of(user("analista", "demo-defensoria", "analyst")), ENCODER);

        String stored = directory.loadUserByUsername("analista").getPassword();
        assertThat(stored).startsWith("{bcrypt}$2");
        assertThat(ENCODER.matches("demo", stored)).isTrue();
        assertThat(ENCODER.matches("other", stored)).isFalse();
    }

    @Test
    void anAlreadyEncodedPasswordIsKeptAsItIs() {
        String hash = ENCODER.encode("s3cret");
        UserDirectory directory = new UserDirectory(List.of(new IdentityProperties.User("ana", hash, "x", List.of("auditor"),
                List.of(), "Ana")), ENCODER);

        assertThat(directory.loadUserByUsername("ana").getPassword()).isEqualTo(hash);
    }

    @Test
    void theNameDefaultsToTheUserName() {
        UserDirectory directory = new UserDirectory(List.of(user("analista", "demo-defensoria", "analyst")), ENCODER);

        assertThat(directory.find("analista").orElseThrow().name()).isEqualTo("analista");
    }

    @Test
    void anUnknownRoleNamesTheEntryAndTheAllowedRoles() {
        assertThatThrownBy(() -> new UserDirectory(List.of(user("a", "i", "analyst"), user("b", "i", "anlyst")), ENCODER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ppi.identity.users[1] (b)")
                .hasMessageContaining("Rol desconocido «anlyst»")
                .hasMessageContaining("platform-admin, institution-admin, surveyor, center-manager, authority, auditor, analyst");
    }

    @Test
    void aUserWithoutRolesIsRefused() {
        assertThatThrownBy(() -> new UserDirectory(List.of(user("a", "i")), ENCODER))
                .hasMessageContaining("ppi.identity.users[0] (a): Falta al menos un rol");
    }

    @Test
    void aDuplicateUserNameIsRefused() {
        assertThatThrownBy(() -> new UserDirectory(List.of(user("a", "i", "analyst"), user("a", "j", "auditor")), ENCODER))
                .hasMessageContaining("ppi.identity.users[1] (a): el usuario «a» ya está definido");
    }

    @Test
    void thePlatformAdminHasNoInstitutionAndEveryoneElseHasOne() {
        assertThatThrownBy(() -> new UserDirectory(List.of(user("admin", "demo-defensoria", "platform-admin")), ENCODER))
                .hasMessageContaining("platform-admin no pertenece a ninguna institución");
        assertThatThrownBy(() -> new UserDirectory(List.of(user("analista", null, "analyst")), ENCODER))
                .hasMessageContaining("ppi.identity.users[0] (analista): Falta institution");
    }

    @Test
    void createdUsersAndDisabledFlagsSurviveARestartAndTheConfigurationKeepsItsPasswords(@TempDir Path data) {
        UserFile file = UserFile.in(data);
        UserDirectory before = new UserDirectory(List.of(user("analista", "demo-defensoria", "analyst")), ENCODER, file);
        before.create(new PlatformUser("ana.perez", "demo-defensoria", List.of("surveyor"), List.of(), "Ana Pérez"),
                "una-clave-larga", "directora");
        before.setEnabled("analista", false);

        IdentityProperties.User changed = new IdentityProperties.User("analista", "nueva-clave", "demo-defensoria",
                List.of("analyst"), List.of(), null);
        UserDirectory after = new UserDirectory(List.of(changed), ENCODER, file);

        assertThat(after.find("ana.perez")).map(PlatformUser::roles).contains(List.of("surveyor"));
        assertThat(ENCODER.matches("una-clave-larga", after.loadUserByUsername("ana.perez").getPassword())).isTrue();
        assertThat(after.stored("ana.perez")).map(StoredUser::createdBy).contains("directora");
        assertThat(after.loadUserByUsername("analista").isEnabled()).isFalse();
        assertThat(ENCODER.matches("nueva-clave", after.loadUserByUsername("analista").getPassword())).isTrue();
        assertThat(new UserDirectory(List.of(changed), ENCODER).loadUserByUsername("analista").isEnabled())
                .as("without the file, the configured user is enabled").isTrue();
    }
}
