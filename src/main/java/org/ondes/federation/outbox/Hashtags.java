package org.ondes.federation.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Genres as Mastodon hashtags: the same words and links as the station actor's tags, one per distinct word. */
final class Hashtags {
    /** A genre, its hashtag word and the catalog filtered by it. */
    record Tag(String genre, String word, String href) {
        Map<String, Object> object() {
            return Map.of("type", "Hashtag", "name", "#" + word, "href", href);
        }
    }

    private Hashtags() {
    }

    /** A genre as a hashtag word: letters and digits only (Mastodon's hashtags allow no spaces or punctuation). */
    static String word(String genre) {
        StringBuilder b = new StringBuilder();
        genre.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.isEmpty() ? "radio" : b.toString();
    }

    static List<Tag> of(Links links, List<String> genres) {
        Map<String, Tag> out = new LinkedHashMap<>();
        for (String genre : genres) {
            String word = word(genre);
            out.putIfAbsent(word.toLowerCase(Locale.ROOT), new Tag(genre, word, links.genre(genre)));
        }
        return List.copyOf(out.values());
    }

    static List<Object> objects(List<Tag> tags) {
        return tags.stream().<Object>map(Tag::object).toList();
    }
}
