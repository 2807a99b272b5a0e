package org.ondes.federation.catalog;

import org.ondes.federation.remote.ActorDocumentParser;
import org.ondes.federation.remote.ActorJson;
import org.ondes.streams.Genres;
import org.ondes.streams.RemoteListing;
import org.ondes.text.PlainText;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads another Ondes instance's {@code Audio} object (docs/federation.md, "The Audio object") into a
 * {@link RemoteListing}: ids and URLs checked (absolute http(s), the station actor on the object's host), every text
 * made plain and capped as YP input is, numbers kept only within sane ranges, genres normalised like YP genres. Pure:
 * whether the sender may speak for the object is decided by {@link LiveAudio}.
 */
public final class AudioParser {
    /** Refresh window when the sender promises no refresh interval. */
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    static final Duration MIN_EXPIRY = Duration.ofSeconds(3);
    static final Duration MAX_EXPIRY = Duration.ofHours(1);
    static final int MAX_URL = 1000;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+_-]*/[a-z0-9][a-z0-9.+_-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private AudioParser() {
    }

    public sealed interface Result permits Parsed, Refused {
    }

    public record Parsed(RemoteListing listing) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    public static Result parse(Map<String, Object> doc, Instant now) {
        if (!ActorJson.isType(doc.get("type"), "Audio")) {
            return new Refused("not an Audio object");
        }
        Optional<String> id = ActorJson.string(doc, "id").filter(s -> s.length() <= MAX_URL);
        Optional<String> host = id.flatMap(ActorDocumentParser::authority);
        if (host.isEmpty()) {
            return new Refused("its id is not an http(s) URL");
        }
        Optional<String> actor = ActorJson.id(doc.get("attributedTo")).filter(s -> s.length() <= MAX_URL);
        if (actor.isEmpty() || !actor.flatMap(ActorDocumentParser::authority).equals(host)) {
            return new Refused("attributedTo is not an actor on the object's host");
        }
        if (Boolean.FALSE.equals(doc.get("isLiveBroadcast"))) {
            return new Refused("not a live broadcast");
        }
        String name = PlainText.fromHtml(text(doc.get("name")), 200);
        if (name == null) {
            return new Refused("no name");
        }
        List<Map<String, Object>> links = links(doc.get("url"));
        Optional<Map<String, Object>> listen = links.stream().filter(l -> !"text/html".equals(mediaType(l))).findFirst();
        if (listen.isEmpty()) {
            return new Refused("no listen URL (a url Link that is not text/html)");
        }
        Optional<URI> listenUrl = httpUrl(href(listen.get()), MAX_URL);
        if (listenUrl.isEmpty()) {
            return new Refused("the listen URL is not an absolute http(s) URL");
        }
        String contentType = mediaType(listen.get());
        if (contentType == null || !MEDIA_TYPE.matcher(contentType).matches()) {
            return new Refused("the listen URL's mediaType is missing or not a media type");
        }
        String page = links.stream().filter(l -> "text/html".equals(mediaType(l))).map(AudioParser::href)
                .map(h -> httpUrl(h, MAX_URL)).flatMap(Optional::stream).map(URI::toString)
                .filter(u -> ActorDocumentParser.authority(u).equals(host)).findFirst().orElse(actor.get());
        return new Parsed(new RemoteListing(id.get(), actor.get(), host.get(), page, name,
                PlainText.fromHtml(text(doc.get("summary")), 1000),
                httpUrl(text(doc.get("homepage")), 500).map(URI::toString).orElse(null), genres(doc.get("tag")),
                listenUrl.get(), contentType, PlainText.clean(text(doc.get("codec")), 40),
                number(doc.get("bitrate"), 1, 100_000), number(doc.get("samplerate"), 1, 1_000_000),
                number(doc.get("channels"), 1, 64), Optional.ofNullable(number(doc.get("listeners"), 0, 100_000_000))
                        .orElse(0),
                PlainText.clean(text(doc.get("nowPlaying")), 500), PlainText.clean(text(doc.get("language")), 35),
                country(doc.get("country")), logo(doc.get("icon")), startTime(doc, now),
                expiry(doc.get("refreshInterval"))));
    }

    /** 3 × the promised refresh interval, clamped to [3 s, 1 h]; 15 min when none is given. */
    static Duration expiry(Object refreshInterval) {
        if (!(refreshInterval instanceof Number n) || !(n.doubleValue() > 0)) {
            return DEFAULT_EXPIRY;
        }
        double seconds = Math.min(n.doubleValue() * 3, MAX_EXPIRY.toSeconds());
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return d.compareTo(MIN_EXPIRY) < 0 ? MIN_EXPIRY : d;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static List<Map<String, Object>> links(Object url) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : url instanceof List<?> list ? list : url == null ? List.of() : List.of(url)) {
            ActorJson.object(o).ifPresent(out::add);
            if (out.size() == 20) {
                break;
            }
        }
        return out;
    }

    private static String href(Map<String, Object> link) {
        return text(link.get("href"));
    }

    private static String mediaType(Map<String, Object> link) {
        String type = text(link.get("mediaType"));
        if (type == null) {
            return null;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** An absolute http(s) URL without user info, at most {@code max} characters. */
    static Optional<URI> httpUrl(String raw, int max) {
        if (raw == null || raw.isBlank() || raw.length() > max) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static List<String> genres(Object tags) {
        List<String> names = new ArrayList<>();
        for (Object o : tags instanceof List<?> list ? list : tags == null ? List.of() : List.of(tags)) {
            if (o instanceof Map<?, ?> m && "Hashtag".equals(m.get("type")) && m.get("name") instanceof String n) {
                names.add(n);
            }
            if (names.size() == Genres.MAX_TAGS * 2) {
                break;
            }
        }
        return Genres.normalise(names).stream().limit(Genres.MAX_TAGS).toList();
    }

    private static Integer number(Object value, long min, long max) {
        if (!(value instanceof Number n)) {
            return null;
        }
        double d = n.doubleValue();
        return d >= min && d <= max ? (int) Math.round(d) : null;
    }

    private static String country(Object value) {
        String c = text(value);
        return c != null && COUNTRY.matcher(c.strip().toUpperCase(Locale.ROOT)).matches()
                ? c.strip().toUpperCase(Locale.ROOT) : null;
    }

    private static String logo(Object icon) {
        Optional<Map<String, Object>> image = ActorJson.object(icon);
        Object url = image.isPresent() ? image.get().get("url") : icon;
        return ActorJson.id(url).filter(u -> u.startsWith("https://")).flatMap(u -> httpUrl(u, MAX_URL))
                .map(URI::toString).orElse(null);
    }

    private static Instant startTime(Map<String, Object> doc, Instant now) {
        for (String key : List.of("startTime", "published")) {
            String s = text(doc.get(key));
            if (s != null) {
                try {
                    Instant t = Instant.parse(s.strip());
                    return t.isAfter(now) ? now : t;
                } catch (DateTimeParseException e) {
                    // try the next one
                }
            }
        }
        return now;
    }
}
