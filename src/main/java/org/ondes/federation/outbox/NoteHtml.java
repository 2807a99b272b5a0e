package org.ondes.federation.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The HTML of a go-live Note, limited to what Mastodon keeps ({@code p}, {@code br}, {@code a}, {@code span} and its
 * hashtag classes). Every text and URL from a station is escaped; links are made only of http(s) URLs.
 */
final class NoteHtml {
    /** Descriptions longer than this (in characters) are cut at a word boundary. */
    static final int DESCRIPTION_MAX = 280;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private NoteHtml() {
    }

    /** While on air: name, "is live", now playing, description, hashtags, Listen and the station page. */
    static String live(NoteFacts note, String stationPage, List<Hashtags.Tag> tags) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(link(stationPage, note.stationName())).append(" is live now.</p>");
        if (present(note.nowPlaying())) {
            html.append("<p>Now playing: ").append(escape(oneLine(note.nowPlaying()))).append("</p>");
        }
        common(html, note, tags);
        html.append("<p>");
        if (httpUrl(note.listenUrl())) {
            html.append(link(note.listenUrl(), "Listen")).append(" · ");
        }
        html.append(link(stationPage, stationPage)).append("</p>");
        return html.toString();
    }

    /** Once off air: when it was live instead of what it plays, and no Listen link. */
    static String ended(NoteFacts note, String stationPage, List<Hashtags.Tag> tags) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(link(stationPage, note.stationName())).append(" was live ")
                .append(escape(span(note.publishedAt(), note.endedAt()))).append(".</p>");
        common(html, note, tags);
        html.append("<p>").append(link(stationPage, stationPage)).append("</p>");
        return html.toString();
    }

    /** {@code 20:00–21:30 UTC}, or with the days when it ran past midnight (UTC). */
    static String span(Instant from, Instant to) {
        boolean sameDay = from.atZone(ZoneOffset.UTC).toLocalDate().equals(to.atZone(ZoneOffset.UTC).toLocalDate());
        return sameDay ? TIME.format(from) + "–" + TIME.format(to) + " UTC"
                : DAY_TIME.format(from) + " – " + DAY_TIME.format(to) + " UTC";
    }

    private static void common(StringBuilder html, NoteFacts note, List<Hashtags.Tag> tags) {
        if (present(note.description())) {
            html.append("<p>").append(escape(shorten(oneLine(note.description())))).append("</p>");
        }
        if (!tags.isEmpty()) {
            html.append("<p>");
            for (int i = 0; i < tags.size(); i++) {
                Hashtags.Tag tag = tags.get(i);
                html.append(i == 0 ? "" : " ").append("<a href=\"").append(escape(tag.href()))
                        .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(escape(tag.word()))
                        .append("</span></a>");
            }
            html.append("</p>");
        }
    }

    /** A link when the URL is http(s), else the text alone. */
    static String link(String url, String text) {
        String shown = escape(oneLine(text));
        return httpUrl(url) ? "<a href=\"" + escape(url) + "\" rel=\"nofollow noopener noreferrer\">" + shown + "</a>"
                : shown;
    }

    static boolean httpUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && url.chars().noneMatch(
                c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** Escapes the five characters that matter in HTML text and double- or single-quoted attributes. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String shorten(String s) {
        if (s.codePointCount(0, s.length()) <= DESCRIPTION_MAX) {
            return s;
        }
        String cut = s.substring(0, s.offsetByCodePoints(0, DESCRIPTION_MAX));
        int space = cut.lastIndexOf(' ');
        return (space > DESCRIPTION_MAX / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\s\\p{Cc}]+", " ").strip();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
