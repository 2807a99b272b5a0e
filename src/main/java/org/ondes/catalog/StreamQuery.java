package org.ondes.catalog;

import io.micronaut.http.HttpParameters;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every parameter of the stream search, parsed and validated once (each problem names its parameter), already
 * defaulted and capped. It is also the key of the response's ETag. Other read APIs (radio-browser compatibility)
 * build one directly; {@code name} restricts text matching to station names, {@code offset} skips rows for
 * offset-paginated clients.
 */
public record StreamQuery(String text, String name, List<String> genres, String codec, String contentType, Integer bitrateMin,
                   Integer bitrateMax, String language, String country, Boolean https, Order order, boolean reverse,
                   int limit, int offset, String seed, Cursor cursor) {
    public static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_TEXT = 200;
    public static final List<String> CODECS = List.of("MP3", "AAC", "AAC+", "Vorbis", "Opus", "FLAC", "Theora", "WebM", "Ogg", "NSV");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9.+-]{1,40}/[a-z0-9.+-]{1,60}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SEED = Pattern.compile("[0-9]{1,9}");

    public enum Order {
        LISTENERS("listeners"), NAME("name"), BITRATE("bitrate"), LIVE_SINCE("liveSince"), RANDOM("random"),
        RELEVANCE("relevance");

        private final String wire;

        Order(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }

        /** Whether this order runs from the largest key down unless {@code reverse} is set (name and random run up). */
        public boolean descendingByDefault() {
            return this != NAME && this != RANDOM;
        }

        static Order fromWire(String s) {
            for (Order o : values()) {
                if (o.wire.equalsIgnoreCase(s)) {
                    return o;
                }
            }
            return null;
        }
    }

    public static StreamQuery from(HttpParameters p) {
        String text = trimmed(p.get("q"));
        if (text != null && text.length() > MAX_TEXT) {
            throw ProblemException.badRequest("q", "must be at most " + MAX_TEXT + " characters");
        }
        if (text != null && SearchWords.query(text).isEmpty()) {
            text = null; // only punctuation: nothing to search for, nothing to rank by
        }
        List<String> genres = new ArrayList<>();
        for (String name : List.of("genre", "tag")) {
            for (String g : p.getAll(name)) {
                String t = PlainText.clean(g, 200); // drops NUL and control characters PostgreSQL would reject
                if (t == null) {
                    continue;
                }
                if (t.length() > 40) {
                    throw ProblemException.badRequest(name, "must be at most 40 characters");
                }
                genres.add(t.toLowerCase(Locale.ROOT));
            }
        }
        if (genres.size() > 10) {
            throw ProblemException.badRequest("genre", "at most 10 genres or tags can be combined");
        }
        String codec = trimmed(p.get("codec"));
        if (codec != null) {
            String c = codec;
            codec = CODECS.stream().filter(k -> k.equalsIgnoreCase(c)).findFirst().orElseThrow(() ->
                    ProblemException.badRequest("codec", "must be one of " + String.join(", ", CODECS)));
        }
        String contentType = lower(trimmed(p.get("contentType")));
        if (contentType != null && !CONTENT_TYPE.matcher(contentType).matches()) {
            throw ProblemException.badRequest("contentType", "must be a media type such as audio/mpeg");
        }
        Integer bitrateMin = integer(p, "bitrateMin", 0, 100_000);
        Integer bitrateMax = integer(p, "bitrateMax", 0, 100_000);
        if (bitrateMin != null && bitrateMax != null && bitrateMin > bitrateMax) {
            throw ProblemException.badRequest("bitrateMin", "must not exceed bitrateMax");
        }
        String language = lower(trimmed(p.get("language")));
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw ProblemException.badRequest("language", "must be a language tag such as en or pt-br");
        }
        String country = trimmed(p.get("country"));
        if (country != null && !COUNTRY.matcher(country.toUpperCase(Locale.ROOT)).matches()) {
            throw ProblemException.badRequest("country", "must be a two-letter ISO 3166 code such as FR");
        }
        Boolean https = bool(p, "https");
        String orderParam = trimmed(p.get("order"));
        Order order = orderParam == null ? (text != null ? Order.RELEVANCE : Order.LISTENERS) : Order.fromWire(orderParam);
        if (order == null) {
            throw ProblemException.badRequest("order", "must be one of listeners, name, bitrate, liveSince, random, relevance");
        }
        if (order == Order.RELEVANCE && text == null) {
            throw ProblemException.badRequest("order", "relevance needs a search text in q");
        }
        boolean reverse = Boolean.TRUE.equals(bool(p, "reverse"));
        Integer limit = integer(p, "limit", 1, MAX_LIMIT);
        String seed = trimmed(p.get("seed"));
        if (seed != null && !SEED.matcher(seed).matches()) {
            throw ProblemException.badRequest("seed", "must be a number of at most 9 digits");
        }
        Cursor cursor = null;
        String rawCursor = trimmed(p.get("cursor"));
        if (rawCursor != null) {
            cursor = Cursor.decode(rawCursor);
            if (cursor.order() != order || cursor.reverse() != reverse) {
                throw ProblemException.badRequest("cursor", "belongs to another order; repeat the query that returned it");
            }
            seed = cursor.seed();
        }
        if (order == Order.RANDOM && seed == null) {
            seed = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000_000));
        }
        return new StreamQuery(text, null, List.copyOf(genres), codec, contentType, bitrateMin, bitrateMax, language,
                country == null ? null : country.toUpperCase(Locale.ROOT), https, order, reverse,
                limit == null ? DEFAULT_LIMIT : limit, 0, seed, cursor);
    }

    /** The words of {@code q}, each matched as a word prefix in any field ({@link SearchWords}). */
    List<String> textWords() {
        return SearchWords.query(text);
    }

    /** The words of {@code name} (radio-browser's name search), each matched as a word prefix in the name only. */
    List<String> nameWords() {
        return SearchWords.query(name);
    }

    /** The query without its cursor, as a stable string (for ETags). */
    String cacheKey() {
        return String.join("|", String.valueOf(text), String.valueOf(name), String.valueOf(offset), genres.toString(), String.valueOf(codec), String.valueOf(contentType),
                String.valueOf(bitrateMin), String.valueOf(bitrateMax), String.valueOf(language), String.valueOf(country),
                String.valueOf(https), order.wire(), String.valueOf(reverse), String.valueOf(limit), String.valueOf(seed),
                cursor == null ? "" : cursor.encode());
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Integer integer(HttpParameters p, String name, int min, int max) {
        String v = trimmed(p.get(name));
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }

    private static Boolean bool(HttpParameters p, String name) {
        String v = trimmed(p.get(name));
        if (v == null) {
            return null;
        }
        Map<String, Boolean> allowed = Map.of("true", true, "false", false, "1", true, "0", false);
        Boolean b = allowed.get(v.toLowerCase(Locale.ROOT));
        if (b == null) {
            throw ProblemException.badRequest(name, "must be true or false");
        }
        return b;
    }
}
