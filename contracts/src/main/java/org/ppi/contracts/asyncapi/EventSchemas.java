package org.ppi.contracts.asyncapi;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.costing.Amount;

/**
 * The JSON Schema (draft-07, the AsyncAPI schema format) of an event record's body, read from the record's
 * components as the platform's Jackson mapper writes them: every component is a property and every property is
 * always written (a null is written as null, never left out), so all are required and none else is allowed.
 *
 * <p>What may be null is what Java lets be null: a primitive never is; nor is the tenant ({@code institutionId}),
 * nor the component the event names as its aggregate (the Kafka key), nor the two halves of an {@link Amount}
 * ({@code Money.amount} builds both or none); every other object may be sent as null (a volume gap, a unit cost
 * without volume, an optional text). Money ({@code BigDecimal}) is a JSON number, exact in decimal; an
 * {@link Amount} is {@code {value: number rounded half-up to cents, exact: "numerator/denominator" or integer}}.
 */
public final class EventSchemas {
    static final String REF = "#/components/schemas/";
    /** Components that are never null although Java would allow it, and why (see the class comment). */
    private static final Map<Class<?>, Set<String>> NEVER_NULL = Map.of(Amount.class, Set.of("value", "exact"));
    private static final String EXACT_PATTERN = "^-?[0-9]+(/[0-9]+)?$";

    private final Map<String, Object> shared = new LinkedHashMap<>();

    /** The value types the events share (e.g. {@code Amount}), by name: referenced as {@code #/components/schemas/<name>}. */
    public Map<String, Object> shared() {
        return shared;
    }

    /** The schema of one event record's JSON body. */
    public Map<String, Object> event(Class<?> event) {
        Map<String, Object> schema = object(event, nonNullComponents(event));
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("title", EventTypes.typeOf(event));
        described.put("description", "JSON body of " + EventTypes.typeOf(event) + ": the record " + event.getName()
                + " as the platform's Jackson mapper writes it.");
        described.putAll(schema);
        return described;
    }

    private Map<String, Object> object(Class<?> record, Set<String> nonNull) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            properties.put(c.getName(), value(c.getGenericType(), !nonNull.contains(c.getName())));
            required.add(c.getName());
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("required", required);
        schema.put("properties", properties);
        return schema;
    }

    private Map<String, Object> value(Type type, boolean nullable) {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            return primitive(raw);
        }
        if (raw == String.class) {
            return typed("string", nullable);
        }
        if (raw == Integer.class || raw == Long.class) {
            return typed("integer", nullable);
        }
        if (raw == Boolean.class) {
            return typed("boolean", nullable);
        }
        if (raw == BigDecimal.class) {
            Map<String, Object> s = typed("number", nullable);
            s.put("description", "an exact decimal written as a JSON number: read it as a decimal, not a binary float");
            return s;
        }
        if (raw == Instant.class) {
            Map<String, Object> s = typed("string", nullable);
            s.put("format", "date-time");
            return s;
        }
        if (raw == LocalDate.class) {
            Map<String, Object> s = typed("string", nullable);
            s.put("format", "date");
            return s;
        }
        if (raw.isEnum()) {
            List<Object> names = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            if (nullable) {
                names.add(null);
            }
            Map<String, Object> s = typed("string", nullable);
            s.put("enum", names);
            return s;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Map<String, Object> s = typed("array", nullable);
            s.put("items", value(((ParameterizedType) type).getActualTypeArguments()[0], false));
            if (Set.class.isAssignableFrom(raw)) {
                s.put("uniqueItems", true);
            }
            return s;
        }
        if (raw.isRecord()) {
            sharedRecord(raw);
            Map<String, Object> ref = Map.of("$ref", REF + raw.getSimpleName());
            return nullable ? new LinkedHashMap<>(Map.of("anyOf", List.of(ref, Map.of("type", "null")))) : new LinkedHashMap<>(ref);
        }
        throw new IllegalArgumentException("No JSON Schema rule for " + type + ": add one to " + EventSchemas.class.getName());
    }

    private void sharedRecord(Class<?> record) {
        if (shared.containsKey(record.getSimpleName())) {
            return;
        }
        shared.put(record.getSimpleName(), Map.of()); // reserved first: a record that refers to itself ends here
        Map<String, Object> schema = object(record, NEVER_NULL.getOrDefault(record, Set.of()));
        if (record == Amount.class) {
            schema.put("description", "A money figure: value rounded half-up to cents once (a JSON number), exact the "
                    + "unrounded fraction as text (\"numerator/denominator\" or an integer)");
            @SuppressWarnings("unchecked")
            Map<String, Object> exact = (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("exact");
            exact.put("pattern", EXACT_PATTERN);
        }
        shared.put(record.getSimpleName(), schema);
    }

    private static Map<String, Object> primitive(Class<?> raw) {
        if (raw == boolean.class) {
            return typed("boolean", false);
        }
        if (raw == int.class || raw == long.class || raw == short.class) {
            return typed("integer", false);
        }
        return typed("number", false);
    }

    private static Map<String, Object> typed(String type, boolean nullable) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", nullable ? List.of(type, "null") : type);
        return s;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    /**
     * The tenant and the aggregate's own id. Which component {@link PpiEvent#aggregateId()} returns is found by
     * building the record with a distinct text in each text component and asking it.
     */
    static Set<String> nonNullComponents(Class<?> event) {
        RecordComponent[] components = event.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = placeholder(types[i], i);
        }
        try {
            Constructor<?> canonical = event.getDeclaredConstructor(types);
            PpiEvent built = (PpiEvent) canonical.newInstance(args);
            String key = built.aggregateId();
            Set<String> nonNull = new java.util.HashSet<>();
            nonNull.add("institutionId");
            for (int i = 0; i < components.length; i++) {
                if (("c" + i).equals(key)) {
                    nonNull.add(components[i].getName());
                }
            }
            return nonNull;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + event.getName() + " to find its key", e);
        }
    }

    private static Object placeholder(Class<?> type, int index) {
        if (type == String.class) {
            return "c" + index;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }
}
