package org.ondes.catalog.radiobrowser;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Request parameters the way radio-browser reads them: from a POST body ({@code application/x-www-form-urlencoded}
 * or a JSON object) and from the query string, the body winning, and for each name the first value. JSON numbers
 * and booleans become their text, JSON arrays a comma-joined list of their strings. Every value is cleaned of
 * control characters. Typed getters refuse malformed values with a 400 problem naming the parameter.
 */
final class RbParameters {
    /** Longest value any parameter can have (the uuids list); each getter applies its own, smaller limit. */
    static final int MAX_VALUE = 32_768;
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Set<String> TRUE = Set.of("true", "1");
    private static final Set<String> FALSE = Set.of("false", "0");

    private final Map<String, String> values;

    private RbParameters(Map<String, String> values) {
        this.values = values;
    }

    static RbParameters of(Map<String, String> values) {
        return new RbParameters(Map.copyOf(values));
    }

    /** Body parameters (when {@code body} is not empty) first, then the query string. */
    static RbParameters of(HttpParameters query, @Nullable MediaType contentType, @Nullable byte[] body) {
        Map<String, String> values = new HashMap<>();
        if (body != null && body.length > 0 && contentType != null) {
            String type = contentType.getName().toLowerCase(Locale.ROOT);
            if (type.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
                form(new String(body, StandardCharsets.UTF_8), values);
            } else if (type.equals(MediaType.APPLICATION_JSON)) {
                json(body, values);
            } else {
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                        "Send parameters as application/x-www-form-urlencoded, application/json or in the query string");
            }
        }
        for (String name : query.names()) {
            String v = query.get(name);
            if (v != null) {
                values.putIfAbsent(name, v);
            }
        }
        Map<String, String> cleaned = new HashMap<>();
        values.forEach((k, v) -> {
            String c = PlainText.clean(v, MAX_VALUE + 1);
            if (c != null) {
                cleaned.put(k, c);
            }
        });
        return new RbParameters(cleaned);
    }

    private static void form(String body, Map<String, String> values) {
        for (String pair : body.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).strip();
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("body", "is not valid application/x-www-form-urlencoded");
            }
        }
    }

    private static void json(byte[] body, Map<String, String> values) {
        Map<String, Object> map;
        try {
            map = JSON.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("body", "is not a JSON object");
        }
        if (map == null) {
            throw ProblemException.badRequest("body", "is not a JSON object");
        }
        map.forEach((name, v) -> {
            String text = jsonText(name, v);
            if (text != null) {
                values.putIfAbsent(name, text);
            }
        });
    }

    private static @Nullable String jsonText(String name, @Nullable Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof String s && !s.isBlank()) {
                    parts.add(s.strip());
                }
            }
            return String.join(",", parts);
        }
        throw ProblemException.badRequest(name, "must be a string, number, boolean or array of strings");
    }

    private @Nullable String raw(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The trimmed value, or null when absent or blank; longer than {@code maxLength} is a 400. */
    @Nullable String text(String name, int maxLength) {
        String t = raw(name);
        if (t != null && t.codePointCount(0, t.length()) > maxLength) {
            throw ProblemException.badRequest(name, "must be at most " + maxLength + " characters");
        }
        return t;
    }

    /** A whole number in [min, max], or {@code fallback} when absent. */
    long number(String name, long min, long max, long fallback) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }

    /** true/false (also 1/0, any case), or null when absent. */
    @Nullable Boolean bool(String name) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        String l = v.toLowerCase(Locale.ROOT);
        if (TRUE.contains(l)) {
            return true;
        }
        if (FALSE.contains(l)) {
            return false;
        }
        throw ProblemException.badRequest(name, "must be true or false");
    }

    boolean bool(String name, boolean fallback) {
        Boolean b = bool(name);
        return b == null ? fallback : b;
    }
}
