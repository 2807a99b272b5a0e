package org.ondes.federation.outbox;

import org.junit.jupiter.api.Test;
import org.ondes.streams.StationProfile;
import org.ondes.streams.StreamView;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Audio object exactly as the wire format (docs/federation.md) describes it. */
class AudioDocumentsTest {
    static final Links LINKS = new Links("https://a.example");
    static final UUID STATION = UUID.fromString("6f1c0000-0000-4000-8000-000000000001");
    static final UUID SESSION = UUID.fromString("6f1c0000-0000-4000-8000-0000000000ff");
    static final Instant START = Instant.parse("2026-11-21T20:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-21T20:05:00Z");

    static StationProfile station(String logo, String language, String country, String homepage) {
        return new StationProfile(STATION, "Night Owl Radio", "Late jazz from Lyon", homepage, List.of("jazz"),
                language, country, logo, START, START, "night_owl", null, null);
    }

    static StreamView session(String codec, Integer bitrate, String song) {
        return new StreamView(SESSION, STATION, "icecast name", List.of("jazz"), null, null,
                "http://ice.example:8000/live.ogg", "audio/ogg", codec, bitrate, bitrate == null ? null : 44100,
                bitrate == null ? null : 2, song, 12, null, START, NOW);
    }

    @Test
    void everyFieldOfTheWireFormat() {
        Map<String, Object> audio = AudioDocuments.audio(LINKS, station("https://img.example/owl.png", "fr", "FR",
                "https://owl.example/"), session("Vorbis", 128, "Artist - Title"), NOW, 300);
        List<?> context = (List<?>) audio.get("@context");
        assertEquals("https://www.w3.org/ns/activitystreams", context.get(0));
        Map<?, ?> terms = (Map<?, ?>) context.get(1);
        assertEquals("sc:isLiveBroadcast", terms.get("isLiveBroadcast"));
        assertEquals("https://w3id.org/ondes#", terms.get("ondes"));
        assertEquals("ondes:nowPlaying", terms.get("nowPlaying"));
        assertEquals(Map.of("@id", "ondes:homepage", "@type", "@id"), terms.get("homepage"));
        assertEquals("ondes:refreshInterval", terms.get("refreshInterval"));

        assertEquals("https://a.example/live/" + SESSION, audio.get("id"));
        assertEquals("Audio", audio.get("type"));
        assertEquals("https://a.example/stations/" + STATION, audio.get("attributedTo"));
        assertEquals("Night Owl Radio", audio.get("name"));
        assertEquals("Late jazz from Lyon", audio.get("summary"));
        assertEquals(List.of(
                Map.of("type", "Link", "href", "http://ice.example:8000/live.ogg", "mediaType", "audio/ogg",
                        "rel", "alternate"),
                Map.of("type", "Link", "href", "https://a.example/stations/" + STATION, "mediaType", "text/html")),
                audio.get("url"));
        assertEquals(Map.of("type", "Image", "url", "https://img.example/owl.png"), audio.get("icon"));
        assertEquals(List.of(Map.of("type", "Hashtag", "name", "#jazz", "href", "https://a.example/?genre=jazz")),
                audio.get("tag"));
        assertEquals(true, audio.get("isLiveBroadcast"));
        assertEquals("2026-11-21T20:00:00Z", audio.get("startTime"));
        assertEquals("2026-11-21T20:00:00Z", audio.get("published"));
        assertEquals("2026-11-21T20:05:00Z", audio.get("updated"));
        assertEquals("Vorbis", audio.get("codec"));
        assertEquals(128, audio.get("bitrate"));
        assertEquals(44100, audio.get("samplerate"));
        assertEquals(2, audio.get("channels"));
        assertEquals(12, audio.get("listeners"));
        assertEquals("Artist - Title", audio.get("nowPlaying"));
        assertEquals("fr", audio.get("language"));
        assertEquals("FR", audio.get("country"));
        assertEquals("https://owl.example/", audio.get("homepage"));
        assertEquals(300L, audio.get("refreshInterval"));
        assertEquals(List.of("https://www.w3.org/ns/activitystreams#Public"), audio.get("to"));
    }

    @Test
    void unknownFactsAreOmittedNotNull() {
        Map<String, Object> audio = AudioDocuments.audio(LINKS, station(null, null, null, null),
                session(null, null, " "), NOW, 300);
        for (String key : List.of("icon", "codec", "bitrate", "samplerate", "channels", "nowPlaying", "language",
                "country", "homepage")) {
            assertFalse(audio.containsKey(key), key);
        }
        assertFalse(audio.containsValue(null));
        assertEquals(12, audio.get("listeners"));
    }

    @Test
    void theListenLinkNeverLooksLikeThePage() {
        assertEquals("audio/mpeg", AudioDocuments.mediaType("audio/mpeg; charset=x"));
        assertEquals("application/octet-stream", AudioDocuments.mediaType("text/html"));
        assertEquals("application/octet-stream", AudioDocuments.mediaType(null));
    }

    @Test
    void anEndedSessionIsATombstone() {
        Map<String, Object> t = AudioDocuments.tombstone(LINKS, SESSION, NOW);
        assertEquals(Map.of("@context", "https://www.w3.org/ns/activitystreams", "id", "https://a.example/live/" + SESSION,
                "type", "Tombstone", "formerType", "Audio", "deleted", "2026-11-21T20:05:00Z"), t);
        assertNull(t.get("url"));
        assertTrue(t.containsKey("deleted"));
    }
}
