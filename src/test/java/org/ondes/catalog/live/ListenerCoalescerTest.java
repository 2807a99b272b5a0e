package org.ondes.catalog.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenerCoalescerTest {
    private static final UUID STATION = UUID.randomUUID();

    private static LiveEvent count(UUID session, int listeners) {
        return new LiveEvent(0, LiveEvent.Kind.LISTENERS, STATION, session, null, listeners, null, Instant.EPOCH);
    }

    private static List<Integer> counts(List<LiveEvent> events) {
        return events.stream().map(LiveEvent::listeners).toList();
    }

    @Test
    void theFirstChangeAfterAQuietIntervalIsDueAtOnce() {
        ListenerCoalescer c = new ListenerCoalescer(5000, 100);
        UUID s = UUID.randomUUID();
        assertTrue(c.offer(count(s, 3), 1_000_000));
        assertEquals(List.of(3), counts(c.due(1_000_000)));
    }

    @Test
    void changesWithinTheIntervalCollapseToTheLatestWhichIsDueWhenTheIntervalHasPassed() {
        ListenerCoalescer c = new ListenerCoalescer(5000, 100);
        UUID s = UUID.randomUUID();
        c.offer(count(s, 1), 0);
        assertEquals(List.of(1), counts(c.due(0)));
        c.offer(count(s, 2), 100);
        c.offer(count(s, 3), 200);
        c.offer(count(s, 4), 4000);
        assertEquals(List.of(), counts(c.due(4999)), "nothing before 5 s");
        assertEquals(List.of(4), counts(c.due(5000)), "then the latest only");
        assertEquals(List.of(), counts(c.due(20_000)), "and nothing more");
    }

    @Test
    void eachStreamHasItsOwnInterval() {
        ListenerCoalescer c = new ListenerCoalescer(5000, 100);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        c.offer(count(a, 1), 0);
        c.due(0);
        c.offer(count(a, 2), 1000);
        c.offer(count(b, 7), 1000);
        assertEquals(List.of(7), counts(c.due(1000)), "b was quiet: due at once; a waits");
        assertEquals(List.of(2), counts(c.due(5000)));
    }

    @Test
    void aForgottenPendingCountIsNotSent() {
        ListenerCoalescer c = new ListenerCoalescer(5000, 100);
        UUID s = UUID.randomUUID();
        c.offer(count(s, 1), 0);
        c.due(0);
        c.offer(count(s, 2), 10);
        c.forget(s);
        assertEquals(List.of(), counts(c.due(6000)));
    }

    @Test
    void theTableIsBoundedAndQuietStreamsAreSweptToMakeRoom() {
        ListenerCoalescer c = new ListenerCoalescer(5000, 2);
        assertTrue(c.offer(count(UUID.randomUUID(), 1), 0));
        assertTrue(c.offer(count(UUID.randomUUID(), 1), 0));
        assertFalse(c.offer(count(UUID.randomUUID(), 1), 0), "a third stream does not fit");
        assertEquals(2, c.due(0).size());
        assertEquals(2, c.size(), "just sent: kept for the interval");
        c.due(5000);
        assertEquals(0, c.size(), "quiet for an interval: forgotten");
        assertTrue(c.offer(count(UUID.randomUUID(), 1), 5000));
    }
}
