package org.ondes.federation.signatures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The header fields of a received request as they arrived: names case-insensitive, every value of a repeated
 * field kept in order, values untouched (no normalisation of Content-Type or the like, which would break
 * signatures over them). Build it from whatever the server gives, e.g. {@code RequestHeaders.of(exchange.getRequestHeaders())}
 * for the JDK server, or by {@link #add} for Micronaut's {@code HttpHeaders}.
 */
public final class RequestHeaders {

    private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** An empty set, to be filled with {@link #add}. */
    public RequestHeaders() {
    }

    /** A copy of {@code headers} (any name case). */
    public static RequestHeaders of(Map<String, List<String>> headers) {
        RequestHeaders result = new RequestHeaders();
        headers.forEach((name, values) -> values.forEach(v -> result.add(name, v)));
        return result;
    }

    /** Adds one field line. */
    public RequestHeaders add(String name, String value) {
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Every value of {@code name}, in arrival order; empty when absent. */
    public List<String> all(String name) {
        return Collections.unmodifiableList(fields.getOrDefault(name, List.of()));
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether {@code name} arrived at all. */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /**
     * The value as it enters a signing string: the values of every line of {@code name}, each trimmed, joined
     * with {@code ", "} (draft-cavage §2.3 and RFC 9421 §2.1). Empty when absent.
     */
    public Optional<String> combined(String name) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        List<String> trimmed = new ArrayList<>(values.size());
        for (String v : values) {
            trimmed.add(v.strip());
        }
        return Optional.of(String.join(", ", trimmed));
    }

    @Override
    public String toString() {
        return fields.keySet().toString().toLowerCase(Locale.ROOT);
    }
}
