package org.ppi.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * How long a text of a command may be, checked once for every command before it is sent (so before anything is
 * appended to the event store): identifiers 200 characters, names and short labels 300, free texts (function,
 * description, process, problems, reasons…) 4,000, and lists 500 items. A command is a record; its components
 * are walked, nested value records and lists included, so a new command field is covered without a line here.
 * A text over its limit is refused with 400 {@code text.too-long} naming the field.
 */
public final class TextLimits {
    public static final int ID = 200;
    public static final int NAME = 300;
    public static final int TEXT = 4_000;
    public static final int ITEMS = 500;
    private static final Set<String> SHORT = Set.of("name", "position", "manager", "volumeUnit", "unit", "currency",
            "country", "code", "title", "label", "elaborationTime", "actingUser");

    private TextLimits() {
    }

    public static void check(Object command) {
        if (command != null && command.getClass().isRecord()) {
            walkRecord(command);
        }
    }

    /** The limit for a text in a field of this name. */
    public static int limitOf(String field) {
        if (field.equals("id") || field.endsWith("Id") || field.endsWith("Ids")) {
            return ID;
        }
        return SHORT.contains(field) ? NAME : TEXT;
    }

    private static void walkRecord(Object record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
            walk(value, component.getName(), component.getName());
        }
    }

    private static void walk(Object value, String field, String path) {
        if (value instanceof CharSequence text) {
            int limit = limitOf(field);
            if (text.length() > limit) {
                throw DomainRejection.badRequest("text.too-long", path, path, limit, text.length());
            }
        } else if (value instanceof Collection<?> items) {
            checkCount(path, items.size());
            int i = 0;
            for (Object item : items) {
                walk(item, field, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            checkCount(path, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey(), "id", path + "[" + entry.getKey() + "]");
                walk(entry.getValue(), field, path + "[" + entry.getKey() + "]");
            }
        } else if (value != null && value.getClass().isRecord()) {
            walkRecord(value);
        }
    }

    private static void checkCount(String path, int size) {
        if (size > ITEMS) {
            throw DomainRejection.badRequest("list.too-long", path, path, ITEMS, size);
        }
    }
}
