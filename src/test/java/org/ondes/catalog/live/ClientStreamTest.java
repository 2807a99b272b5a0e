package org.ondes.catalog.live;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientStreamTest {

    /** Records what it gets; requests only when told to. */
    static final class Recorder implements Subscriber<SseFrame> {
        final List<SseFrame> frames = new ArrayList<>();
        Subscription subscription;
        Throwable error;
        boolean completed;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(SseFrame f) {
            frames.add(f);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    private static SseFrame ev(long id) {
        return SseFraming.event(id, "listeners", "{}");
    }

    @Test
    void framesAreSentOnlyAsFarAsTheSubscriberAsks() {
        ClientStream stream = new ClientStream(new ClientQueue(64, false), Set.of(), () -> { });
        Recorder r = new Recorder();
        stream.subscribe(r);
        for (long id = 1; id <= 10; id++) {
            stream.queue().offer(ev(id));
            stream.drain();
        }
        assertEquals(0, r.frames.size());
        r.subscription.request(3);
        assertEquals(List.of(1L, 2L, 3L), r.frames.stream().map(SseFrame::id).toList());
        r.subscription.request(100);
        assertEquals(10, r.frames.size());
        stream.queue().offer(ev(11));
        stream.drain();
        assertEquals(11, r.frames.size(), "outstanding demand is used for later frames");
    }

    @Test
    void aSubscriberThatNeverRequestsCostsAtMostTheBufferAndThenGetsAResync() {
        int capacity = 32;
        ClientStream stream = new ClientStream(new ClientQueue(capacity, false), Set.of(), () -> { });
        Recorder r = new Recorder();
        stream.subscribe(r);
        for (long id = 1; id <= 50_000; id++) {
            stream.queue().offer(ev(id));
            stream.drain();
            assertTrue(stream.queue().size() <= capacity);
        }
        r.subscription.request(Long.MAX_VALUE);
        assertTrue(r.frames.size() <= capacity, "got " + r.frames.size());
        assertTrue(r.frames.get(0).text().contains("event: resync\n"), r.frames.get(0).text());
        assertEquals(50_000, r.frames.get(r.frames.size() - 1).id());
        stream.queue().offer(ev(50_001));
        stream.drain();
        assertEquals(50_001, r.frames.get(r.frames.size() - 1).id(), "and it goes on");
    }

    @Test
    void cancelTellsTheHubOnceAndStopsSending() {
        AtomicInteger cancelled = new AtomicInteger();
        ClientStream stream = new ClientStream(new ClientQueue(8, false), Set.of(), cancelled::incrementAndGet);
        Recorder r = new Recorder();
        stream.subscribe(r);
        r.subscription.request(10);
        r.subscription.cancel();
        r.subscription.cancel();
        stream.queue().offer(ev(1));
        stream.drain();
        assertEquals(1, cancelled.get());
        assertEquals(0, r.frames.size());
    }

    @Test
    void aNonPositiveRequestIsAnError() {
        ClientStream stream = new ClientStream(new ClientQueue(8, false), Set.of(), () -> { });
        Recorder r = new Recorder();
        stream.subscribe(r);
        r.subscription.request(0);
        assertInstanceOf(IllegalArgumentException.class, r.error);
    }

    @Test
    void aSecondSubscriberIsRefused() {
        ClientStream stream = new ClientStream(new ClientQueue(8, false), Set.of(), () -> { });
        stream.subscribe(new Recorder());
        Recorder second = new Recorder();
        stream.subscribe(second);
        assertInstanceOf(IllegalStateException.class, second.error);
    }

    @Test
    void closingCompletesAfterTheQueuedFrames() {
        ClientStream stream = new ClientStream(new ClientQueue(8, false), Set.of(), () -> { });
        Recorder r = new Recorder();
        stream.subscribe(r);
        stream.queue().offer(ev(1));
        stream.close();
        assertTrue(!r.completed);
        r.subscription.request(5);
        assertEquals(1, r.frames.size());
        assertTrue(r.completed);
    }

    @Test
    void theStationFilterSelectsEvents() {
        UUID wanted = UUID.randomUUID();
        ClientStream filtered = new ClientStream(new ClientQueue(8, false), Set.of(wanted), () -> { });
        ClientStream all = new ClientStream(new ClientQueue(8, false), Set.of(), () -> { });
        assertTrue(filtered.wants(wanted));
        assertTrue(!filtered.wants(UUID.randomUUID()));
        assertTrue(all.wants(UUID.randomUUID()));
    }
}
