package org.ondes.site;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaybackTypesTest {
    @Test
    void oggStreamsAreAskedAboutWithTheirCodec() {
        assertEquals("audio/ogg; codecs=\"vorbis\"", PlaybackTypes.probeType("application/ogg", "Vorbis"));
        assertEquals("audio/ogg; codecs=\"opus\"", PlaybackTypes.probeType("audio/ogg", "Opus"));
        assertEquals("audio/ogg; codecs=\"flac\"", PlaybackTypes.probeType("application/ogg", "FLAC"));
        assertEquals("audio/ogg", PlaybackTypes.probeType("application/ogg", null));
    }

    @Test
    void aliasesBecomeTheTypesBrowsersKnow() {
        assertEquals("audio/aac", PlaybackTypes.probeType("audio/aacp", "AAC+"));
        assertEquals("audio/mpeg", PlaybackTypes.probeType("audio/x-mpeg", null));
        assertEquals("audio/mpeg", PlaybackTypes.probeType(" Audio/MPEG ", "MP3"));
        assertEquals("audio/mpeg", PlaybackTypes.probeType("application/mp3", null));
        assertEquals("audio/aac", PlaybackTypes.probeType("audio/x-aacp", null));
        assertEquals("audio/ogg; codecs=\"opus\"", PlaybackTypes.probeType("application/x-ogg; charset=binary", "opus"));
        assertEquals("video/webm", PlaybackTypes.probeType("video/webm", "WebM"));
        assertEquals("", PlaybackTypes.probeType(null, null));
    }
}
