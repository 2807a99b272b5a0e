package org.ondes.streams;

import org.ondes.web.ProblemException;

/**
 * The paging parameters of {@code GET /api/v1/me/stations/{id}/profile-history}: {@code limit} 1..200 (default 50),
 * {@code offset} 0..100000, the same bounds as the moderation API's lists.
 */
record HistoryPaging(int limit, int offset) {
    static HistoryPaging of(String limit, String offset) {
        return new HistoryPaging(number("limit", limit, 50, 1, 200), number("offset", offset, 0, 0, 100_000));
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value.matches("[0-9]{1,7}")) {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }
}
