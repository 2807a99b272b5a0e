package org.ondes.moderation;

import org.ondes.web.ProblemException;

/** The list parameters of the moderation API: {@code limit} 1..200 (default 50), {@code offset} 0..100000, flags. */
record Paging(int limit, int offset) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_OFFSET = 100_000;

    static Paging of(String limit, String offset) {
        return new Paging(number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), number("offset", offset, 0, 0, MAX_OFFSET));
    }

    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest(name, "must be true or false");
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }
}
