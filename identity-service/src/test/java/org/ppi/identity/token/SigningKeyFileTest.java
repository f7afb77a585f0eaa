package org.ppi.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @Test
    void theKeyIsCreatedOnceAndReadBackTheSame(@TempDir Path dir) throws Exception {
        RSAKey first = SigningKeyFile.loadOrCreate(dir.resolve("keys"));
        RSAKey second = SigningKeyFile.loadOrCreate(dir.resolve("keys"));

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(second.isPrivate()).isTrue();
        Path file = dir.resolve("keys").resolve(SigningKeyFile.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anotherDirectoryGetsAnotherKey(@TempDir Path dir) {
        assertThat(SigningKeyFile.loadOrCreate(dir.resolve("a")).getKeyID())
                .isNotEqualTo(SigningKeyFile.loadOrCreate(dir.resolve("b")).getKeyID());
    }

    @Test
    void aDamagedFileStopsTheStartInsteadOfBeingReplaced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SigningKeyFile.FILE_NAME), "{not a key");

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("está dañada");
        assertThat(Files.readString(dir.resolve(SigningKeyFile.FILE_NAME))).isEqualTo("{not a key");
    }
}
