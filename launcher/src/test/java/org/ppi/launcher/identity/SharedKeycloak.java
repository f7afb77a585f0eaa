package org.ppi.launcher.identity;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Keycloak for every test class of the run that asks for it ({@code @ExtendWith(SharedKeycloak.class)} and a
 * {@link KeycloakServer} parameter, e.g. of {@code @BeforeAll}): it starts on the first request and stops when the
 * test run ends (JUnit closes it with the root context). A start costs 30-60 s on two busy cores, so the realm
 * checks and the platform test share it.
 *
 * <p>The realm's configurable gateway redirect ({@code PPI_GATEWAY_REDIRECT_URI}) is the one of the platform the
 * platform test starts with {@link #PORT_OFFSET}: {@code http://localhost:28080/login/oauth2/code/ppi}.
 */
public final class SharedKeycloak implements ParameterResolver {
    /** Port offset of the platform trusting this Keycloak (the lead's end-to-end test uses 10000). */
    public static final int PORT_OFFSET = 20000;
    public static final int GATEWAY_PORT = 8080 + PORT_OFFSET;
    public static final String GATEWAY_REDIRECT = "http://localhost:" + GATEWAY_PORT + "/login/oauth2/code/ppi";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KeycloakServer.class,
                type -> KeycloakServer.builder().env("PPI_GATEWAY_REDIRECT_URI", GATEWAY_REDIRECT).start(),
                KeycloakServer.class);
    }
}
