package org.ondes.catalog.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SseFramingTest {

    /** What an EventSource would dispatch for this text: the data of each event, lines split as the spec says. */
    private static List<String> dispatchedData(String stream) {
        List<String> out = new ArrayList<>();
        StringBuilder data = null;
        for (String line : stream.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    out.add(data.toString());
                }
                data = null;
            } else if (line.startsWith("data:")) {
                String v = line.substring(5);
                v = v.startsWith(" ") ? v.substring(1) : v;
                data = data == null ? new StringBuilder(v) : data.append('\n').append(v);
            }
        }
        return out;
    }

    @Test
    void eachLineOfMultiLineDataBecomesItsOwnDataLine() {
        SseFrame f = SseFraming.event(42, "nowPlaying", "first\nsecond\r\nthird\rfourth");
        assertEquals("id: 42\nevent: nowPlaying\ndata: first\ndata: second\ndata: third\ndata: fourth\n\n", f.text());
        assertEquals(42, f.id());
    }

    @Test
    void multiLineDataRoundTripsThroughAnEventSourceParserWithLfLineBreaks() {
        String data = "a\r\nb\nc\rd";
        assertEquals(List.of("a\nb\nc\nd"), dispatchedData(SseFraming.event(1, "x", data).text()));
    }

    @Test
    void emptyLinesAndATrailingLineBreakInDataAreKept() {
        SseFrame f = SseFraming.event(7, "x", "top\n\nbottom\n");
        assertEquals("id: 7\nevent: x\ndata: top\ndata: \ndata: bottom\ndata: \n\n", f.text());
        assertEquals(List.of("top\n\nbottom\n"), dispatchedData(f.text()));
    }

    @Test
    void dataThatLooksLikeAFieldCannotEndTheEventOrInjectOne() {
        String hostile = "x\n\nevent: live\nid: 999\ndata: forged";
        SseFrame f = SseFraming.event(3, "nowPlaying", hostile);
        assertEquals(List.of(hostile), dispatchedData(f.text()));
        assertFalse(f.text().contains("\nid: 999\n"), f.text());
    }

    @Test
    void emptyDataStillDispatchesAnEvent() {
        assertEquals("event: ping\ndata: \n\n", SseFraming.event(0, "ping", "").text());
    }

    @Test
    void withoutAnIdThereIsNoIdFieldSoTheClientsLastEventIdStays() {
        assertFalse(SseFraming.event(0, "resync", "{}").text().contains("id:"));
    }

    @Test
    void aMultiLineCommentIsSeveralCommentLinesAndDispatchesNothing() {
        SseFrame c = SseFraming.comment("keep\nalive");
        assertEquals(": keep\n: alive\n\n", c.text());
        assertEquals(List.of(), dispatchedData(c.text()));
    }

    @Test
    void anEventTypeWithALineBreakIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SseFraming.event(1, "live\ndata: x", "{}"));
        assertThrows(IllegalArgumentException.class, () -> SseFraming.event(1, "", "{}"));
    }

    @Test
    void helloSetsTheRetryDelayAndDispatchesNothing() {
        String hello = SseFraming.hello(3000).text();
        assertEquals("retry: 3000\n: ondes live events\n\n", hello);
        assertEquals(List.of(), dispatchedData(hello));
    }
}
