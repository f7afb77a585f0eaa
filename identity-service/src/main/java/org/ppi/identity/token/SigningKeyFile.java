package org.ppi.identity.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs every token, generated on the first start and kept as a JWK file: a restart of the
 * identity provider keeps the tokens it issued valid (the services cache its JWKS), and a browser session at the
 * gateway survives it too.
 */
public final class SigningKeyFile {
    static final String FILE_NAME = "signing-key.jwk.json";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

    private SigningKeyFile() {
    }

    public static RSAKey loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                return read(file);
            }
            Files.createDirectories(directory);
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            // Written aside and moved into place, so that a start killed half-way never leaves half a key.
            Path partial = Files.createTempFile(directory, "signing-key", ".tmp");
            restrictToOwner(partial);
            Files.writeString(partial, key.toJSONString());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Nueva clave de firma {} guardada en {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo leer ni crear la clave de firma en " + file.toAbsolutePath(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("No se pudo generar la clave de firma RSA", e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalStateException("La clave de firma " + file.toAbsolutePath() + " no tiene parte privada");
            }
            log.info("Clave de firma {} leída de {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        } catch (ParseException e) {
            // Never replaced silently: a new key would invalidate every token issued so far without saying why.
            throw new IllegalStateException("La clave de firma " + file.toAbsolutePath()
                    + " está dañada; bórrela para generar otra (los tokens emitidos dejarán de valer)", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
