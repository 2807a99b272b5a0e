package org.ondes.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The equality filters of a search (genres, codec, content type, language) as terms of the search index, kept apart
 * from search words so that text can never match a filter and a filter never matches text.
 *
 * <p>Each term is a tilde, a one-letter kind, a space and the lower-cased, trimmed value ({@code "~g drum and bass"},
 * {@code "~c mp3"}); a value is matched exactly, quotes, backslashes and all.
 */
final class FilterTerms {
    static final String GENRE = "~g ";
    static final String CODEC = "~c ";
    static final String CONTENT_TYPE = "~t ";
    static final String LANGUAGE = "~l ";

    private FilterTerms() {
    }

    /** The filter terms of one catalog entry; never empty strings, no repeats. */
    static List<String> of(Collection<String> genres, Collection<String> codecs, Collection<String> contentTypes,
                           String language) {
        Set<String> terms = new LinkedHashSet<>();
        genres.forEach(g -> add(terms, GENRE, g));
        codecs.forEach(c -> add(terms, CODEC, c));
        contentTypes.forEach(t -> add(terms, CONTENT_TYPE, t));
        add(terms, LANGUAGE, language);
        return List.copyOf(terms);
    }

    /** Every term an entry must have to match {@code q}'s equality filters (empty when it has none). */
    static List<String> query(StreamQuery q) {
        List<String> terms = new ArrayList<>();
        q.genres().forEach(g -> terms.add(GENRE + norm(g)));
        if (q.codec() != null) {
            terms.add(CODEC + norm(q.codec()));
        }
        if (q.contentType() != null) {
            terms.add(CONTENT_TYPE + norm(q.contentType()));
        }
        if (q.language() != null) {
            terms.add(LANGUAGE + norm(q.language()));
        }
        return terms;
    }

    private static void add(Set<String> terms, String kind, String value) {
        if (value != null && !value.isBlank()) {
            terms.add(kind + norm(value));
        }
    }

    private static String norm(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
