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
            walkRecord(command, true);
        }
    }

    /**
     * The checks of every text of a request body as soon as it is read, before a controller looks anything up with
     * it: lengths, the form of ids ({@code id}, {@code …Id}, {@code …Ids}: 400 {@code request.invalid-id}) and
     * control characters (400 {@code text.control-character}: a NUL reaches no query, no event and no view). List
     * sizes are left to the command (a sheet may hold thousands of cells).
     */
    public static void checkRequest(Object body) {
        if (body instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, "items", "[" + i++ + "]", false);
            }
        } else if (body != null && body.getClass().isRecord()) {
            walkRecord(body, false);
        }
    }

    /** The limit for a text in a field of this name. */
    public static int limitOf(String field) {
        if (field.equals("id") || field.endsWith("Id") || field.endsWith("Ids")) {
            return ID;
        }
        return SHORT.contains(field) ? NAME : TEXT;
    }

    private static void walkRecord(Object record, boolean counts) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                // Request forms are often private records of their controller.
                accessor.trySetAccessible();
                value = accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
            walk(value, component.getName(), component.getName(), counts);
        }
    }

    private static void walk(Object value, String field, String path, boolean counts) {
        if (value instanceof CharSequence text) {
            int limit = limitOf(field);
            if (text.length() > limit) {
                throw DomainRejection.badRequest("text.too-long", path, path, limit, text.length());
            }
            if (limit == ID && !Ids.valid(text)) {
                throw DomainRejection.badRequest("request.invalid-id", path, path);
            }
            int at = controlCharacter(text);
            if (at >= 0) {
                throw DomainRejection.badRequest("text.control-character", path, path,
                        String.format("U+%04X", (int) text.charAt(at)), at + 1);
            }
        } else if (value instanceof Collection<?> items) {
            if (counts) {
                checkCount(path, items.size());
            }
            int i = 0;
            for (Object item : items) {
                walk(item, field, path + "[" + i++ + "]", counts);
            }
        } else if (value instanceof Map<?, ?> map) {
            if (counts) {
                checkCount(path, map.size());
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey(), "id", path + "[" + entry.getKey() + "]", counts);
                walk(entry.getValue(), field, path + "[" + entry.getKey() + "]", counts);
            }
        } else if (value != null && value.getClass().isRecord()) {
            walkRecord(value, counts);
        }
    }

    /**
     * The position of the first character no text of the platform may hold, or -1: C0 controls but tab, line feed
     * and carriage return (a NUL is refused by PostgreSQL), DEL, a surrogate without its pair, U+FFFE and U+FFFF.
     */
    static int controlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF;
            boolean loneHigh = Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)));
            boolean loneLow = Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || loneHigh || loneLow) {
                return i;
            }
        }
        return -1;
    }

    private static void checkCount(String path, int size) {
        if (size > ITEMS) {
            throw DomainRejection.badRequest("list.too-long", path, path, ITEMS, size);
        }
    }
}
