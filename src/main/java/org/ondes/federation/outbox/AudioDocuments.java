package org.ondes.federation.outbox;

import org.ondes.federation.Activities;
import org.ondes.streams.StationProfile;
import org.ondes.streams.StreamView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A live session as the {@code Audio} object other Ondes instances list (docs/federation.md, "The Audio object"): the
 * station actor as {@code attributedTo}, the listen URL as the first non-HTML {@code Link}, the stream's technical
 * facts and now playing in the Ondes namespace declared inline, and how often it is refreshed.
 */
final class AudioDocuments {
    static final List<Object> CONTEXT = List.of(NoteDocuments.AS, ondesTerms());

    private AudioDocuments() {
    }

    private static Map<String, Object> ondesTerms() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("sc", "http://schema.org/");
        terms.put("isLiveBroadcast", "sc:isLiveBroadcast");
        terms.put("ondes", "https://w3id.org/ondes#");
        for (String term : List.of("codec", "bitrate", "samplerate", "channels", "listeners", "nowPlaying", "language",
                "country")) {
            terms.put(term, "ondes:" + term);
        }
        terms.put("homepage", Map.of("@id", "ondes:homepage", "@type", "@id"));
        terms.put("refreshInterval", "ondes:refreshInterval");
        return java.util.Collections.unmodifiableMap(terms);
    }

    /** The Audio of a listed session of a public local station, as made at {@code updated}. */
    static Map<String, Object> audio(Links links, StationProfile station, StreamView session, Instant updated,
                                     long refreshSeconds) {
        String page = links.station(station.id());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("id", links.audio(session.id()));
        doc.put("type", "Audio");
        doc.put("attributedTo", page);
        doc.put("name", present(station.name()) ? station.name() : session.name());
        if (present(station.description())) {
            doc.put("summary", station.description());
        }
        doc.put("url", List.of(
                Map.of("type", "Link", "href", session.listenUrl(), "mediaType", mediaType(session.contentType()),
                        "rel", "alternate"),
                Map.of("type", "Link", "href", page, "mediaType", "text/html")));
        if (NoteHtml.httpUrl(station.logoUrl())) {
            doc.put("icon", Map.of("type", "Image", "url", station.logoUrl()));
        }
        doc.put("tag", Hashtags.objects(Hashtags.of(links, station.genres())));
        doc.put("isLiveBroadcast", true);
        doc.put("startTime", session.liveSince().toString());
        doc.put("published", session.liveSince().toString());
        doc.put("updated", updated.toString());
        putIfKnown(doc, "codec", session.codec());
        putIfKnown(doc, "bitrate", session.bitrate());
        putIfKnown(doc, "samplerate", session.samplerate());
        putIfKnown(doc, "channels", session.channels());
        doc.put("listeners", session.listeners());
        putIfKnown(doc, "nowPlaying", session.currentSong());
        putIfKnown(doc, "language", station.language());
        putIfKnown(doc, "country", station.country());
        putIfKnown(doc, "homepage", NoteHtml.httpUrl(station.homepage()) ? station.homepage() : null);
        doc.put("refreshInterval", refreshSeconds);
        doc.put("to", List.of(Activities.PUBLIC));
        return doc;
    }

    /** What {@code /live/{id}} answers (410) once the session ended or stopped being public. */
    static Map<String, Object> tombstone(Links links, UUID sessionId, Instant deleted) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", NoteDocuments.AS);
        doc.put("id", links.audio(sessionId));
        doc.put("type", "Tombstone");
        doc.put("formerType", "Audio");
        doc.put("deleted", deleted.toString());
        return doc;
    }

    /** The stream's MIME type without parameters; never {@code text/html}, which marks the station page's link. */
    static String mediaType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        return type.isEmpty() || type.equalsIgnoreCase("text/html") ? "application/octet-stream" : type;
    }

    private static void putIfKnown(Map<String, Object> doc, String key, Object value) {
        if (value instanceof String s ? !s.isBlank() : value != null) {
            doc.put(key, value);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
