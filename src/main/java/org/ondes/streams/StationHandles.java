package org.ondes.streams;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A station's handle: the user part of {@code @handle@host}, by which the fediverse finds and follows it. Made once from
 * the station's first name and never changed after (followers and links keep working when the name changes):
 * lower-case ASCII letters, digits and underscores, at most {@link #MAX} characters, as Mastodon accepts them. Names
 * that are taken get a numeric suffix; a few names are reserved for the instance itself.
 */
public final class StationHandles {
    public static final int MAX = 30;
    public static final Pattern VALID = Pattern.compile("[a-z0-9_]{1," + MAX + "}");
    /** Handles the instance keeps: its own actor's name and words people could mistake for the instance. */
    public static final Set<String> RESERVED = Set.of("ondes", "admin", "administrator", "moderator", "moderators",
            "instance", "actor", "directory", "root", "support", "security", "abuse", "postmaster", "webmaster", "www",
            "api", "inbox", "outbox", "relay", "system", "station", "stations");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private StationHandles() {
    }

    /** The handle a name suggests: {@code "Radio Télé Ö 24/7"} → {@code "radio_tele_o_24_7"}; "station" when nothing remains. */
    public static String slug(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)).replaceAll("");
        String s = OTHER.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("_");
        s = trimUnderscores(s);
        if (s.length() > MAX - 4) { // room for a "_999" suffix
            s = trimUnderscores(s.substring(0, MAX - 4));
        }
        return s.isEmpty() || RESERVED.contains(s) ? (s.isEmpty() ? "station" : s + "_fm") : s;
    }

    /** The {@code n}th candidate for a slug: the slug itself, then slug_2, slug_3, ... */
    public static String candidate(String slug, int n) {
        return n <= 1 ? slug : slug + "_" + n;
    }

    private static String trimUnderscores(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '_') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '_') {
            to--;
        }
        return s.substring(from, to);
    }
}
