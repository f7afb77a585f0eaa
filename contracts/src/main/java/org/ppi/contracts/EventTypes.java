package org.ppi.contracts;

/**
 * CloudEvent type names: {@code org.ppi.<service>.<EventName>.v<schema>}. A breaking change of an event's
 * shape gets a new schema version and a new type, never an edit of the old one.
 */
public final class EventTypes {
    public static final int SCHEMA_VERSION = 1;
    private static final String PREFIX = "org.ppi.";

    private EventTypes() {
    }

    public static String typeOf(Class<?> eventClass) {
        String pkg = eventClass.getPackageName();
        String service = pkg.substring(pkg.lastIndexOf('.') + 1);
        return PREFIX + service + "." + eventClass.getSimpleName() + ".v" + SCHEMA_VERSION;
    }

    /** The simple event name of a type, e.g. {@code TimeAllocated} for {@code org.ppi.survey.TimeAllocated.v1}. */
    public static String nameOf(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    /**
     * Resolves a CloudEvent type back to the contract class, or null when the type is unknown to this version: a
     * name this version does not have, or a schema version other than its own (a {@code .v2} of a known name is
     * another shape, published before this consumer was upgraded; read as the v1 record it would be guessed at).
     */
    public static Class<?> classOf(String type) {
        if (type == null || !type.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = type.substring(PREFIX.length()).split("\\.");
        if (parts.length != 3 || !parts[2].equals("v" + SCHEMA_VERSION)) {
            return null;
        }
        try {
            return Class.forName("org.ppi.contracts." + parts[0] + "." + parts[1]);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
