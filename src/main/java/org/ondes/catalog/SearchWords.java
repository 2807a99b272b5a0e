package org.ondes.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How text becomes search words, the same way for stored entries and for queries: lower-cased runs of letters and
 * digits ({@code "Hip-Hop & R'n'B 24/7"} gives {@code hip, hop, r, n, b, 24, 7}). Nothing else (quotes, operators,
 * markup) can reach a query, and a query word matches every stored word it is a prefix of.
 */
final class SearchWords {
    /** At most this many words of a query are used (more would only slow the search down). */
    static final int MAX_QUERY_WORDS = 10;

    private SearchWords() {
    }

    /** Every word of {@code text} in order, repeats included; empty for null. */
    static List<String> of(String text) {
        return split(text, Integer.MAX_VALUE);
    }

    /** The first {@link #MAX_QUERY_WORDS} words of a query. */
    static List<String> query(String text) {
        return split(text, MAX_QUERY_WORDS);
    }

    private static List<String> split(String text, int max) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = lower.length();
        while (i < n && words.size() < max) {
            while (i < n && !isWordChar(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            int start = i;
            while (i < n && isWordChar(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            if (i > start) {
                words.add(lower.substring(start, i));
            }
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }
}
