package org.ondes.federation.catalog;

import org.junit.jupiter.api.Test;
import org.ondes.streams.RemoteListing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioParserTest {
    static final Instant NOW = Instant.parse("2026-11-21T20:10:00Z");
    static final String ID = "https://a.example/live/6f1c0000-0000-0000-0000-000000000001";
    static final String STATION = "https://a.example/stations/0c9a0000-0000-0000-0000-000000000002";

    /** The wire format's example object (docs/federation.md). */
    static Map<String, Object> audio() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", ID);
        doc.put("type", "Audio");
        doc.put("attributedTo", STATION);
        doc.put("name", "Night Owl Radio");
        doc.put("summary", "Late jazz from Lyon");
        doc.put("url", List.of(
                Map.of("type", "Link", "href", "http://ice.example.net:8000/live.ogg", "mediaType", "audio/ogg",
                        "rel", "alternate"),
                Map.of("type", "Link", "href", STATION, "mediaType", "text/html")));
        doc.put("icon", Map.of("type", "Image", "url", "https://a.example/logo.png"));
        doc.put("tag", List.of(Map.of("type", "Hashtag", "name", "#Jazz", "href", "https://a.example/genres/jazz"),
                Map.of("type", "Hashtag", "name", "#Late Night")));
        doc.put("isLiveBroadcast", true);
        doc.put("startTime", "2026-11-21T20:00:00Z");
        doc.put("codec", "Vorbis");
        doc.put("bitrate", 128);
        doc.put("samplerate", 44100);
        doc.put("channels", 2);
        doc.put("listeners", 12);
        doc.put("nowPlaying", "Artist - Title");
        doc.put("language", "fr");
        doc.put("country", "FR");
        doc.put("homepage", "https://nightowl.example.org/");
        doc.put("refreshInterval", 300);
        return doc;
    }

    static RemoteListing parsed(Map<String, Object> doc) {
        return assertInstanceOf(AudioParser.Parsed.class, AudioParser.parse(doc, NOW)).listing();
    }

    static String refused(Map<String, Object> doc) {
        return assertInstanceOf(AudioParser.Refused.class, AudioParser.parse(doc, NOW)).reason();
    }

    @Test
    void readsTheWireFormatsExample() {
        RemoteListing l = parsed(audio());
        assertEquals(ID, l.objectId());
        assertEquals(STATION, l.actor());
        assertEquals("a.example", l.origin());
        assertEquals(STATION, l.stationUrl());
        assertEquals("Night Owl Radio", l.name());
        assertEquals("Late jazz from Lyon", l.description());
        assertEquals("http://ice.example.net:8000/live.ogg", l.listenUrl().toString());
        assertEquals("audio/ogg", l.contentType());
        assertEquals(List.of("jazz", "late night"), l.genres());
        assertEquals("Vorbis", l.codec());
        assertEquals(128, l.bitrate());
        assertEquals(44100, l.samplerate());
        assertEquals(2, l.channels());
        assertEquals(12, l.listeners());
        assertEquals("Artist - Title", l.nowPlaying());
        assertEquals("fr", l.language());
        assertEquals("FR", l.country());
        assertEquals("https://a.example/logo.png", l.logoUrl());
        assertEquals("https://nightowl.example.org/", l.homepage());
        assertEquals(Instant.parse("2026-11-21T20:00:00Z"), l.startedAt());
        assertEquals(Duration.ofSeconds(900), l.expiresIn(), "3 × refreshInterval");
    }

    @Test
    void theExpiryIsClampedAndDefaultsTo15Minutes() {
        assertEquals(Duration.ofSeconds(3), AudioParser.expiry(1));
        assertEquals(Duration.ofSeconds(3), AudioParser.expiry(0.2));
        assertEquals(Duration.ofHours(1), AudioParser.expiry(86_400));
        assertEquals(Duration.ofMinutes(15), AudioParser.expiry(null));
        assertEquals(Duration.ofMinutes(15), AudioParser.expiry("300"));
        assertEquals(Duration.ofMinutes(15), AudioParser.expiry(-5));
    }

    @Test
    void markupIsDroppedAndHugeTextsAreCapped() {
        Map<String, Object> doc = audio();
        doc.put("name", "<b>Night</b> <script>alert(1)</script>Owl " + "x".repeat(100_000));
        doc.put("summary", "<p>Late <a href=\"javascript:alert(1)\">jazz</a></p>");
        doc.put("nowPlaying", "A\u0000 - \u202eB\n" + "y".repeat(5_000));
        RemoteListing l = parsed(doc);
        assertTrue(l.name().startsWith("Night Owl x"), l.name());
        assertFalse(l.name().contains("<") || l.name().contains("alert"), l.name());
        assertEquals(200, l.name().codePointCount(0, l.name().length()));
        assertEquals("Late jazz", l.description());
        assertEquals(500, l.nowPlaying().length());
        assertTrue(l.nowPlaying().startsWith("A - B "), l.nowPlaying());
    }

    @Test
    void onlyAbsoluteHttpListenUrlsWithAMediaTypeAreTaken() {
        for (String bad : List.of("javascript:alert(1)", "data:audio/ogg;base64,AAAA", "/live.ogg", "ftp://x.example/a",
                "http://user:pw@ice.example.net/live", "http://" + "a".repeat(1100) + ".example/")) {
            Map<String, Object> doc = audio();
            doc.put("url", List.of(Map.of("type", "Link", "href", bad, "mediaType", "audio/ogg")));
            assertTrue(refused(doc).contains("listen URL"), bad);
        }
        Map<String, Object> noType = audio();
        noType.put("url", List.of(Map.of("type", "Link", "href", "http://ice.example.net/a")));
        assertTrue(refused(noType).contains("mediaType"));
        Map<String, Object> pageOnly = audio();
        pageOnly.put("url", List.of(Map.of("type", "Link", "href", STATION, "mediaType", "text/html")));
        assertTrue(refused(pageOnly).contains("no listen URL"));
        Map<String, Object> withParams = audio();
        withParams.put("url", List.of(Map.of("type", "Link", "href", "https://ice.example.net/a.mp3",
                "mediaType", "Audio/MPEG; charset=x")));
        assertEquals("audio/mpeg", parsed(withParams).contentType());
    }

    @Test
    void theStationMustBeOnTheObjectsHost() {
        Map<String, Object> elsewhere = audio();
        elsewhere.put("attributedTo", "https://b.example/stations/x");
        assertTrue(refused(elsewhere).contains("attributedTo"));
        Map<String, Object> none = audio();
        none.remove("attributedTo");
        assertTrue(refused(none).contains("attributedTo"));
        Map<String, Object> notHttp = audio();
        notHttp.put("id", "urn:uuid:1234");
        assertTrue(refused(notHttp).contains("id"));
    }

    @Test
    void otherObjectsAndEndedBroadcastsAreRefused() {
        Map<String, Object> note = audio();
        note.put("type", "Note");
        assertTrue(refused(note).contains("Audio"));
        Map<String, Object> ended = audio();
        ended.put("isLiveBroadcast", false);
        assertTrue(refused(ended).contains("live"));
        Map<String, Object> nameless = audio();
        nameless.put("name", "<b></b>  ");
        assertTrue(refused(nameless).contains("name"));
    }

    @Test
    void doubtfulValuesAreLeftOutRatherThanStored() {
        Map<String, Object> doc = audio();
        doc.put("bitrate", -1);
        doc.put("samplerate", "44100");
        doc.put("channels", 1_000);
        doc.put("listeners", -3);
        doc.put("country", "France");
        doc.put("homepage", "javascript:alert(1)");
        doc.put("icon", Map.of("type", "Image", "url", "http://a.example/logo.png"));
        doc.put("startTime", "2099-01-01T00:00:00Z");
        doc.put("url", List.of(Map.of("type", "Link", "href", "http://ice.example.net/a.ogg", "mediaType", "audio/ogg"),
                Map.of("type", "Link", "href", "https://evil.example/phish", "mediaType", "text/html")));
        RemoteListing l = parsed(doc);
        assertNull(l.bitrate());
        assertNull(l.samplerate());
        assertNull(l.channels());
        assertEquals(0, l.listeners());
        assertNull(l.country());
        assertNull(l.homepage());
        assertNull(l.logoUrl(), "logos are https only");
        assertEquals(NOW, l.startedAt(), "no start in the future");
        assertEquals(STATION, l.stationUrl(), "a page on another host is not the station's page");
    }

    @Test
    void genresAreNormalisedAndCappedLikeYpGenres() {
        Map<String, Object> doc = audio();
        List<Object> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tags.add(Map.of("type", "Hashtag", "name", "#G" + i));
        }
        tags.add("not a tag");
        doc.put("tag", tags);
        List<String> genres = parsed(doc).genres();
        assertEquals(10, genres.size());
        assertEquals("g0", genres.get(0));
    }
}
