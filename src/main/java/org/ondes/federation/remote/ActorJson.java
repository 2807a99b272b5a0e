package org.ondes.federation.remote;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ActivityStreams documents as compacted JSON, tolerantly: any property may be a string, an object with an
 * {@code id}, or an array of either; {@code type} may be an array. No JSON-LD processing.
 */
public final class ActorJson {
    private ActorJson() {
    }

    /** A property as an id: the string itself, an object's {@code id} (or {@code href}), the first of an array. */
    public static Optional<String> id(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        }
        if (value instanceof Map<?, ?> m) {
            Object id = m.containsKey("id") ? m.get("id") : m.get("href");
            return id instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return id(list.get(0));
        }
        return Optional.empty();
    }

    /** Whether {@code type} is, or contains, {@code wanted}. */
    public static boolean isType(Object type, String wanted) {
        if (type instanceof String s) {
            return s.equals(wanted);
        }
        if (type instanceof List<?> list) {
            return list.stream().anyMatch(t -> t instanceof String s && s.equals(wanted));
        }
        return false;
    }

    /** The first string of {@code type}, or null. */
    public static String firstType(Object type) {
        if (type instanceof String s) {
            return s;
        }
        if (type instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).findFirst().orElse(null);
        }
        return null;
    }

    public static Optional<String> string(Map<String, Object> doc, String key) {
        return doc.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Object value) {
        if (value instanceof Map<?, ?> m) {
            return Optional.of((Map<String, Object>) m);
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    return Optional.of((Map<String, Object>) m);
                }
            }
        }
        return Optional.empty();
    }
}
