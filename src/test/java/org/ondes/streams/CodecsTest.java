package org.ondes.streams;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodecsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "audio/mpeg||MP3", "audio/aacp||AAC+", "audio/aac||AAC", "application/ogg|Vorbis|Vorbis",
            "audio/ogg|Opus|Opus", "application/ogg|Theora/Vorbis|Vorbis", "application/ogg|FLAC|FLAC",
            "audio/ogg||Ogg", "audio/webm||WebM", "audio/flac||FLAC", "AUDIO/MPEG; charset=x||MP3",
            "application/ogg+opus||Opus", "text/html||null", "null|null|null"})
    void derivesTheCodecListenersSee(String type, String subtype, String codec) {
        assertEquals(codec, Codecs.of(type, subtype));
    }
}
