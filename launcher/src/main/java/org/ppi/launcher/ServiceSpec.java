package org.ppi.launcher;

import java.util.List;

/** One service of the platform: its module (and jar) name, and its local port. */
public record ServiceSpec(String module, int port) {
    public static final List<ServiceSpec> BACKENDS = List.of(
            new ServiceSpec("survey-service", 8081),
            new ServiceSpec("catalog-service", 8082),
            new ServiceSpec("valuechain-service", 8083),
            new ServiceSpec("costing-service", 8084),
            new ServiceSpec("budget-service", 8085));
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080);
    /** The local OpenID Connect provider: started first, since the gateway and the services trust its tokens. */
    public static final ServiceSpec IDENTITY = new ServiceSpec("identity-service", 9000);

    /** The schema (PostgreSQL) or database file (H2) name of the service. */
    public String databaseName() {
        return module.replace("-service", "");
    }
}
