package org.ondes.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One catalog entry as the search index holds it: the entry served to clients, its search words (sorted, each with
 * the fields it occurs in) and filter terms (sorted), and the keys the orders sort by.
 *
 * @param bitrate the highest bitrate of the station's sessions (what the bitrate filters and order use)
 * @param json    the entry rendered as the search API renders it, or null
 */
record IndexedEntry(CatalogEntry entry, String[] words, byte[] fields, String[] terms, String sortName, long liveSinceMicros,
                    Integer bitrate, byte[] json) {
    static final byte NAME = 1;
    static final byte GENRES = 2;
    static final byte SONG = 4;
    static final byte DESCRIPTION = 8;

    static IndexedEntry of(CatalogEntry e, List<String> contentTypes, Integer bitrate, byte[] json) {
        Map<String, Byte> words = new TreeMap<>();
        add(words, e.name(), NAME);
        add(words, String.join(" ", e.genres()), GENRES);
        add(words, e.currentSong(), SONG);
        add(words, e.description(), DESCRIPTION);
        String[] w = words.keySet().toArray(String[]::new);
        byte[] f = new byte[w.length];
        int i = 0;
        for (byte b : words.values()) {
            f[i++] = b;
        }
        String[] terms = FilterTerms.of(e.genres(), e.codecs(), contentTypes, e.language()).toArray(String[]::new);
        Arrays.sort(terms);
        Instant since = e.liveSince();
        return new IndexedEntry(e, w, f, terms, e.name().toLowerCase(Locale.ROOT),
                IndexOrder.micros(since), bitrate, json);
    }

    private static void add(Map<String, Byte> words, String text, byte field) {
        for (String w : SearchWords.of(text)) {
            words.merge(w, field, (a, b) -> (byte) (a | b));
        }
    }

    UUID id() {
        return entry.id();
    }

    /**
     * The fields in which some word of this entry starts with {@code prefix}, or-ed together, and whether one is the
     * whole word (bit 16); 0 when none does.
     */
    int prefixMatch(String prefix) {
        int i = Arrays.binarySearch(words, prefix);
        int result = 0;
        if (i >= 0) {
            result = fields[i] | 16;
            i++;
        } else {
            i = -i - 1;
        }
        for (; i < words.length && words[i].startsWith(prefix); i++) {
            result |= fields[i];
        }
        return result;
    }

    /** Whether the search data differs from {@code other}'s (if not, only the served entry needs replacing). */
    boolean sameSearchData(IndexedEntry other) {
        return Arrays.equals(words, other.words) && Arrays.equals(fields, other.fields) && Arrays.equals(terms, other.terms);
    }
}
