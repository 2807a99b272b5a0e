package org.ondes.catalog.live;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LiveEventJsonTest {
    private static final UUID STATION = UUID.fromString("0b7e2f5c-3d7a-4c1e-9a55-2f0d8b1c6e21");
    private static final UUID SESSION = UUID.fromString("5d1c7a0e-8f3b-4e29-b6a4-1c2d3e4f5a6b");
    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123Z");

    private static Map<String, Object> parse(String json) throws IOException {
        return JsonMapper.createDefault().readValue(json, Argument.mapOf(String.class, Object.class));
    }

    private static LiveEvent event(LiveEvent.Kind kind, String song, Integer listeners, String reason) {
        return new LiveEvent(1, kind, STATION, SESSION, song, listeners, reason, AT);
    }

    @Test
    void liveCarriesOnlyTheIdsAndTheTime() {
        assertEquals("{\"stationId\":\"" + STATION + "\",\"sessionId\":\"" + SESSION + "\",\"at\":\"2026-11-21T10:15:30.123Z\"}",
                LiveEventJson.data(event(LiveEvent.Kind.LIVE, null, null, null)));
    }

    @Test
    void eachTypeCarriesItsOwnFieldsAndNoOthers() throws IOException {
        Map<String, Object> playing = parse(LiveEventJson.data(event(LiveEvent.Kind.NOW_PLAYING, "Song", 4, null)));
        assertEquals("Song", playing.get("currentSong"));
        assertEquals(4, playing.get("listeners"));
        assertFalse(playing.containsKey("reason"));

        Map<String, Object> count = parse(LiveEventJson.data(event(LiveEvent.Kind.LISTENERS, null, 9, null)));
        assertEquals(9, count.get("listeners"));
        assertFalse(count.containsKey("currentSong"));

        Map<String, Object> off = parse(LiveEventJson.data(event(LiveEvent.Kind.OFFLINE, null, null, "expired")));
        assertEquals("expired", off.get("reason"));
        assertFalse(off.containsKey("listeners"));
    }

    @Test
    void titlesWithQuotesBackslashesControlAndSeparatorCharactersStayOneLineOfValidJson() throws IOException {
        String title = "He said \"hi\" \\ o/\ttab\nnew\rline \u0001 \u2028 Motörhead ♫";
        String json = LiveEventJson.data(event(LiveEvent.Kind.NOW_PLAYING, title, 1, null));
        assertFalse(json.contains("\n") || json.contains("\r") || json.contains("\u2028"), json);
        assertEquals(title, parse(json).get("currentSong"));
    }

    @Test
    void aMissingTitleIsNull() throws IOException {
        Map<String, Object> m = parse(LiveEventJson.data(event(LiveEvent.Kind.NOW_PLAYING, null, 1, null)));
        assertEquals(true, m.containsKey("currentSong"));
        assertEquals(null, m.get("currentSong"));
    }

    @Test
    void resyncSaysWhy() throws IOException {
        assertEquals("Too slow \"client\"", parse(LiveEventJson.resync("Too slow \"client\"")).get("reason"));
    }
}
