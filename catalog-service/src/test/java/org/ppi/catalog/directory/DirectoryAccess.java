package org.ppi.catalog.directory;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens the package-private JDBC directory to tests in other packages. */
public final class DirectoryAccess {
    private DirectoryAccess() {
    }

    public static CatalogDirectory jdbc(JdbcClient jdbc) {
        return new JdbcCatalogDirectory(jdbc);
    }
}
