package org.ondes.catalog.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ondes.testkit.Await;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fan-out without a database: clients that read get a burst larger than their buffer, one that does not is resynced. */
class EventHubTest {
    private static final UUID STATION = UUID.randomUUID();
    private final EventHub hub = new EventHub(new LiveEventsSettings(300, 3600, 64), null);
    private final ScheduledExecutorService eventLoop = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        hub.close();
        eventLoop.shutdownNow();
    }

    /** Asks for 8 frames at a time, on another thread, like a connection that writes as the socket accepts bytes. */
    final class Reader implements Subscriber<SseFrame> {
        final List<SseFrame> frames = new CopyOnWriteArrayList<>();
        Subscription subscription;
        int outstanding;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            outstanding = 8;
            s.request(8);
        }

        @Override
        public void onNext(SseFrame f) {
            frames.add(f);
            synchronized (this) {
                if (--outstanding == 0) {
                    outstanding = 8;
                    eventLoop.schedule(() -> subscription.request(8), 200, TimeUnit.MICROSECONDS);
                }
            }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static List<LiveEvent> burst(long from, int n) {
        List<LiveEvent> events = new ArrayList<>();
        for (long id = from; id < from + n; id++) {
            events.add(new LiveEvent(id, LiveEvent.Kind.LISTENERS, STATION, UUID.randomUUID(), null, (int) id, null, Instant.EPOCH));
        }
        return events;
    }

    @Test
    void aBurstLargerThanTheBufferReachesAReadingClientWhileAStuckOneIsResynced() throws Exception {
        // the default buffer (512): the hub gives a reading client 20 ms per chunk of 128 to get below half of it, so
        // only a reader starved for several chunks in a row (not a short stall of a busy machine) could overflow
        EventHub busy = new EventHub(new LiveEventsSettings(300, 3600, 512), null);
        try {
            busy.startAt(0);
            ClientStream reading = busy.open(Set.of(), null, null);
            Reader reader = new Reader();
            reading.subscribe(reader);
            ClientStream stuck = busy.open(Set.of(), null, null);
            stuck.subscribe(new ClientStreamTest.Recorder());

            // a stuck client must not hold up the publisher: a hang, not a slow machine, would trip this bound
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> busy.publish(burst(1, 1500)));

            Await.until(Duration.ofSeconds(60), reader.frames::size, n -> n >= 1501,
                    () -> reader.frames.size() + " frames so far, overflows " + reading.queue().overflows());
            List<Long> ids = reader.frames.stream().map(SseFrame::id).filter(id -> id > 0).toList();
            assertEquals(1500, ids.size(), "every event reached the reading client");
            assertEquals(0, reading.queue().overflows());
            assertTrue(stuck.queue().overflows() > 0, "the stuck client overflowed");
            assertTrue(stuck.queue().size() <= 512);
            assertEquals(1500, busy.position());
        } finally {
            busy.close();
        }
    }

    @Test
    void aClientOnAnEventLoopIsSentToFromThatLoopOnly() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "connection-loop"));
        try {
            hub.startAt(0);
            ClientStream client = hub.open(Set.of(), null, loop);
            List<String> threads = new CopyOnWriteArrayList<>();
            loop.submit(() -> client.subscribe(new Subscriber<SseFrame>() {
                @Override
                public void onSubscribe(Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(SseFrame f) {
                    threads.add(f.id() + "@" + Thread.currentThread().getName());
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            })).get();
            hub.publish(burst(1, 3));
            Await.until(Duration.ofSeconds(5), threads::size, n -> n == 4, threads::toString);
            hub.keepAlive();
            Await.until(Duration.ofSeconds(5), threads::size, n -> n == 5, threads::toString);
            assertTrue(client.paced());
            assertEquals(List.of("0@connection-loop", "1@connection-loop", "2@connection-loop", "3@connection-loop",
                    "0@connection-loop"), threads, "the hello, three events and a keep-alive, all from the loop");
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void clientsBeyondTheCapAreRefusedWithA503UntilOneLeaves() {
        EventHub small = new EventHub(new LiveEventsSettings(300, 3600, 64, 2), null);
        try {
            small.startAt(0);
            ClientStream first = small.open(Set.of(), null, null);
            first.subscribe(new ClientStreamTest.Recorder());
            small.open(Set.of(), null, null).subscribe(new ClientStreamTest.Recorder());
            org.ondes.web.ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    org.ondes.web.ProblemException.class, () -> small.open(Set.of(), null, null));
            assertEquals(503, refused.status().getCode());
            first.cancel();
            small.open(Set.of(), null, null);
            assertEquals(2, small.clientCount());
        } finally {
            small.close();
        }
    }

    @Test
    void aClientOnlyGetsTheStationsItAskedFor() {
        hub.startAt(0);
        UUID other = UUID.randomUUID();
        ClientStream filtered = hub.open(Set.of(other), null, null);
        ClientStreamTest.Recorder r = new ClientStreamTest.Recorder();
        filtered.subscribe(r);
        r.subscription.request(Long.MAX_VALUE);
        hub.publish(burst(1, 3));
        hub.publish(List.of(new LiveEvent(4, LiveEvent.Kind.LIVE, other, UUID.randomUUID(), null, null, null, Instant.EPOCH)));
        assertEquals(List.of(0L, 4L), r.frames.stream().map(SseFrame::id).toList(), "the hello, then the other station's event");
    }
}
