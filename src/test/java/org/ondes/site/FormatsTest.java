package org.ondes.site;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void formatNamesCodecAndBitrateWhenKnown() {
        assertEquals("MP3 · 128 kbit/s", Formats.format("MP3", 128));
        assertEquals("Vorbis", Formats.format("Vorbis", null));
        assertEquals("96 kbit/s", Formats.format(null, 96));
        assertEquals("format unknown", Formats.format(" ", 0));
    }

    @Test
    void listenerCountsAgreeInNumber() {
        assertEquals("1 listener", Formats.listeners(1));
        assertEquals("0 listeners", Formats.listeners(0));
        assertEquals("12 listeners", Formats.listeners(12));
    }

    @Test
    void liveForGrowsFromMinutesToDays() {
        assertEquals("live for less than a minute", Formats.liveFor(NOW.minusSeconds(30), NOW));
        assertEquals("live for less than a minute", Formats.liveFor(NOW.plusSeconds(5), NOW));
        assertEquals("live for 5 min", Formats.liveFor(NOW.minus(Duration.ofMinutes(5)), NOW));
        assertEquals("live for 2 h 05 min", Formats.liveFor(NOW.minus(Duration.ofMinutes(125)), NOW));
        assertEquals("live for 3 days", Formats.liveFor(NOW.minus(Duration.ofHours(80)), NOW));
    }

    @Test
    void timesAreUtc() {
        assertEquals("12:00 UTC", Formats.time(NOW));
    }
}
