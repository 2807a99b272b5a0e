package org.ondes.site;

import io.micronaut.http.HttpParameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The home page's search as the listener typed it (text, genres, codec, minimum bitrate, order), kept raw so that the
 * form shows it again and links (genre chips, the next page) carry it on. Validation is the catalog's
 * ({@code StreamQuery}); the parameter names are those of {@code GET /api/v1/streams}.
 */
record SearchForm(String q, List<String> genres, String codec, String bitrateMin, String order) {
    static final int MAX_KEPT = 200;

    static SearchForm from(HttpParameters p) {
        List<String> genres = new ArrayList<>();
        for (String g : p.getAll("genre")) {
            String t = raw(g);
            if (!t.isEmpty() && !genres.contains(t.toLowerCase(Locale.ROOT))) {
                genres.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return new SearchForm(raw(p.get("q")), List.copyOf(genres), raw(p.get("codec")), raw(p.get("bitrateMin")),
                raw(p.get("order")));
    }

    boolean filtered() {
        return !q.isEmpty() || !genres.isEmpty() || !codec.isEmpty() || !bitrateMin.isEmpty();
    }

    boolean hasGenre(String genre) {
        return genres.contains(genre);
    }

    /** The home page URL of this search with {@code genre} added, or removed when it is already selected. */
    String toggleGenre(String genre) {
        List<String> next = new ArrayList<>(genres);
        if (!next.remove(genre)) {
            next.add(genre);
        }
        return new SearchForm(q, next, codec, bitrateMin, order).href(null);
    }

    /** The home page URL of this search, optionally at a later page ({@code cursor}). */
    String href(String cursor) {
        List<String> params = new ArrayList<>();
        add(params, "q", q);
        genres.forEach(g -> add(params, "genre", g));
        add(params, "codec", codec);
        add(params, "bitrateMin", bitrateMin);
        add(params, "order", order);
        add(params, "cursor", cursor);
        return params.isEmpty() ? "/" : "/?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String raw(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() > MAX_KEPT ? t.substring(0, MAX_KEPT) : t;
    }
}
