package org.ppi.identity.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users the administration API created or disabled, as one JSON file beside the signing key (the local
 * provider's data folder): written to a temporary file and moved into place, so a crash leaves the old or the new
 * list, never half of one. Production deployments keep users in their own provider (Keycloak) instead.
 */
public final class UserFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path path;

    private UserFile(Path path) {
        this.path = path;
    }

    public static UserFile in(Path directory) {
        return new UserFile(directory.resolve("users.json"));
    }

    /** Nothing kept (tests of the configured users alone). */
    public static UserFile none() {
        return new UserFile(null);
    }

    List<StoredUser> load() {
        if (path == null || !Files.isRegularFile(path)) {
            return List.of();
        }
        try {
            return JSON.readValue(path.toFile(), new TypeReference<List<StoredUser>>() {
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException("No se puede leer " + path + ": " + e.getMessage(), e);
        }
    }

    void save(List<StoredUser> users) {
        if (path == null) {
            return;
        }
        try {
            Files.createDirectories(path.getParent());
            Path next = path.resolveSibling("users.json.next");
            JSON.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), users);
            Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
