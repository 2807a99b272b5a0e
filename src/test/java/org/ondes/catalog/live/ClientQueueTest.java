package org.ondes.catalog.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientQueueTest {
    private static SseFrame ev(long id) {
        return SseFraming.event(id, "nowPlaying", "{\"n\":" + id + "}");
    }

    private static List<SseFrame> drain(ClientQueue q) {
        List<SseFrame> out = new ArrayList<>();
        for (SseFrame f = q.poll(); f != null; f = q.poll()) {
            out.add(f);
        }
        return out;
    }

    private static boolean isResync(SseFrame f) {
        return f.text().contains("event: resync\n");
    }

    @Test
    void aQueueThatOverflowsDropsItsPendingEventsForOneResyncThenContinues() {
        ClientQueue q = new ClientQueue(4, false);
        for (long id = 1; id <= 4; id++) {
            q.offer(ev(id));
        }
        q.offer(ev(5));
        assertEquals(1, q.size(), "everything pending was replaced");
        q.offer(ev(6));
        List<SseFrame> out = drain(q);
        assertTrue(isResync(out.get(0)), out.get(0).text());
        assertEquals(5, out.get(0).id(), "the resync carries the newest dropped id, so a reconnect resumes after it");
        assertTrue(out.get(0).text().contains("/api/v1/streams"));
        assertEquals(6, out.get(1).id());
        assertEquals(1, q.overflows());
        assertEquals(5, q.dropped());
    }

    @Test
    void theQueueNeverHoldsMoreThanItsCapacityWhateverIsOffered() {
        ClientQueue q = new ClientQueue(16, false);
        for (long id = 1; id <= 100_000; id++) {
            q.offer(ev(id));
            assertTrue(q.size() <= 16);
        }
        List<SseFrame> out = drain(q);
        assertEquals(100_000, out.get(out.size() - 1).id(), "the newest event is kept");
        assertTrue(out.stream().filter(ClientQueueTest::isResync).count() == 1, "one resync at the head");
    }

    @Test
    void anEventAlreadyQueuedOrOlderIsNotQueuedAgain() {
        ClientQueue q = new ClientQueue(8, false);
        q.offer(ev(3));
        q.offer(ev(3));
        q.offer(ev(2));
        assertEquals(List.of(3L), drain(q).stream().map(SseFrame::id).toList());
    }

    @Test
    void liveEventsArrivingDuringAReplayFollowItInOrderWithoutDuplicates() {
        ClientQueue q = new ClientQueue(16, true);
        q.offer(ev(11));
        q.offer(ev(12));
        assertTrue(q.isEmpty(), "held while replaying");
        q.finishReplay(List.of(ev(8), ev(9), ev(10)), 11);
        assertEquals(List.of(8L, 9L, 10L, 12L), drain(q).stream().map(SseFrame::id).toList(),
                "11 was covered by the replay's position");
    }

    @Test
    void tooManyLiveEventsDuringAReplayEndInAResync() {
        ClientQueue q = new ClientQueue(4, true);
        for (long id = 10; id <= 20; id++) {
            q.offer(ev(id));
        }
        q.finishReplay(List.of(ev(5)), 9);
        List<SseFrame> out = drain(q);
        assertTrue(isResync(out.get(0)), out.toString());
        assertTrue(out.size() <= 4, out.toString());
        assertEquals(20, out.get(out.size() - 1).id());
    }

    @Test
    void aKeepAliveIsQueuedOnlyWhenNothingElseWaits() {
        ClientQueue q = new ClientQueue(4, false);
        SseFrame comment = SseFraming.comment("keep-alive");
        assertTrue(q.offerKeepAlive(comment));
        assertFalse(q.offerKeepAlive(comment));
        drain(q);
        q.offer(ev(1));
        assertFalse(q.offerKeepAlive(comment));
    }
}
