package org.ondes.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The equality filters of a search (genres, codec, content type, language) as extra lexemes of the entry's search
 * vector, so text and filters are answered by one GIN index scan instead of a BitmapAnd of several indexes.
 *
 * <p>Each term is a tilde, a one-letter kind, a space and the value ({@code "~g drum and bass"}, {@code "~c mp3"}).
 * Lexemes made by PostgreSQL's text parser never contain a space, so text can never produce a filter term, and search
 * words (letters and digits only, matched as prefixes) can never be a prefix of one. Migration V6 writes the same
 * spelling in SQL; {@code FilterTermsTest} pins it.
 */
final class FilterTerms {
    static final String GENRE = "~g ";
    static final String CODEC = "~c ";
    static final String CONTENT_TYPE = "~t ";
    static final String LANGUAGE = "~l ";

    private FilterTerms() {
    }

    /** The filter lexemes of one catalog row (for {@code array_to_tsvector}); never empty strings. */
    static List<String> of(Projected p) {
        Set<String> terms = new LinkedHashSet<>();
        p.genres().forEach(g -> add(terms, GENRE, g));
        p.codecs().forEach(c -> add(terms, CODEC, c));
        p.contentTypes().forEach(t -> add(terms, CONTENT_TYPE, t));
        add(terms, LANGUAGE, p.language());
        return List.copyOf(terms);
    }

    /** A tsquery literal requiring every equality filter of {@code q}, or null when it has none. */
    static String query(StreamQuery q) {
        List<String> terms = new ArrayList<>();
        q.genres().forEach(g -> terms.add(quoted(GENRE + norm(g))));
        if (q.codec() != null) {
            terms.add(quoted(CODEC + norm(q.codec())));
        }
        if (q.contentType() != null) {
            terms.add(quoted(CONTENT_TYPE + norm(q.contentType())));
        }
        if (q.language() != null) {
            terms.add(quoted(LANGUAGE + norm(q.language())));
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    private static void add(Set<String> terms, String kind, String value) {
        if (value != null && !value.isBlank()) {
            terms.add(kind + norm(value));
        }
    }

    private static String norm(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** tsquery quoting: inside single quotes a quote is doubled and a backslash escaped. */
    static String quoted(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
