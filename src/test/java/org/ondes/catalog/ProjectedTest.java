package org.ondes.catalog;

import org.junit.jupiter.api.Test;
import org.ondes.streams.LiveStation;
import org.ondes.streams.StreamView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectedTest {
    private static final UUID STATION = UUID.randomUUID();

    private static StreamView session(String url, String type, String codec, Integer bitrate, String song, int listeners,
                                      Instant since) {
        return new StreamView(UUID.randomUUID(), STATION, "Radio", List.of("jazz"), "d", null, url, type, codec, bitrate,
                null, null, song, listeners, 100, since, since.plusSeconds(60));
    }

    @Test
    void relaysAreSummedAndEveryListenUrlKept() {
        Instant early = Instant.parse("2026-11-21T01:00:00Z");
        Instant late = Instant.parse("2026-11-21T02:00:00Z");
        Projected p = Projected.of(new LiveStation(STATION, "Radio", "d", null, List.of("jazz"), "en", "FR", "https://radio.example.net/logo.png", List.of(
                session("http://a.example.net/live.mp3", "audio/mpeg", "MP3", 128, null, 10, late),
                session("https://b.example.net/live.ogg", "Application/Ogg", "Vorbis", 192, "Song", 5, early)), null, null));
        assertEquals(15, p.listeners());
        assertEquals("FR", p.country(), "country and logo come from the owner's profile");
        assertEquals("https://radio.example.net/logo.png", p.logoUrl());
        assertEquals(List.of("MP3", "Vorbis"), p.codecs());
        assertEquals(List.of("audio/mpeg", "application/ogg"), p.contentTypes(), "content types are lower-cased");
        assertEquals(192, p.bitrate(), "the highest bitrate answers bitrate filters");
        assertTrue(p.https());
        assertEquals("Song", p.currentSong(), "the first known title");
        assertEquals(early, p.liveSince(), "live since the earliest session");
        assertEquals(2, p.sessions().size());
        assertEquals("http://a.example.net/live.mp3", p.sessions().get(0).listenUrl(), "session order is kept (most listeners first)");
    }
}
