package org.ondes.federation.signatures;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Builds the draft-cavage signing string: one {@code name: value} line per signed header, joined with {@code \n}.
 * Pseudo-headers: {@code (request-target)} is {@code <method lower-case> <path?query>}, {@code (created)} and
 * {@code (expires)} are the signature's parameters.
 */
final class SigningString {

    /** A signed header that the request does not carry. */
    static final class MissingHeader extends Exception {
        private final String name;

        MissingHeader(String name) {
            super("signed header " + name + " is not in the request", null, false, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    private SigningString() {
    }

    static String build(List<String> names, String method, String requestTarget, RequestHeaders headers,
                        OptionalLong created, OptionalLong expires) throws MissingHeader {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            String value;
            switch (name) {
                case "(request-target)" -> value = method.toLowerCase(Locale.ROOT) + " " + requestTarget;
                case "(created)" -> value = created.isPresent() ? Long.toString(created.getAsLong()) : null;
                case "(expires)" -> value = expires.isPresent() ? Long.toString(expires.getAsLong()) : null;
                default -> value = headers.combined(name).orElse(null);
            }
            if (value == null) {
                throw new MissingHeader(name);
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(name).append(": ").append(value);
        }
        return out.toString();
    }
}
