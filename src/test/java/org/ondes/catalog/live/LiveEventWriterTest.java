package org.ondes.catalog.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ondes.streams.events.StreamChanged;
import org.ondes.streams.events.StreamWentLive;
import org.ondes.streams.events.StreamWentOffline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer with a store that records (or blocks) instead of a database. */
class LiveEventWriterTest {
    private static final UUID STATION = UUID.randomUUID();

    /** Records batches; blocks every append while {@code gate} is closed. */
    static final class FakeStore extends LiveEventStore {
        final List<List<LiveEvent>> batches = new CopyOnWriteArrayList<>();
        final List<Long> appendedAt = new CopyOnWriteArrayList<>();
        final CountDownLatch gate;

        FakeStore(boolean open) {
            super(null);
            gate = new CountDownLatch(open ? 0 : 1);
        }

        @Override
        long append(List<LiveEvent> events) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            appendedAt.add(System.nanoTime());
            batches.add(List.copyOf(events));
            return 0;
        }

        List<LiveEvent> all() {
            List<LiveEvent> out = new ArrayList<>();
            batches.forEach(out::addAll);
            return out;
        }
    }

    private final List<LiveEventWriter> writers = new ArrayList<>();

    private LiveEventWriter writer(FakeStore store) {
        LiveEventWriter w = new LiveEventWriter(store);
        writers.add(w);
        return w;
    }

    @AfterEach
    void stop() {
        writers.forEach(LiveEventWriter::stop);
    }

    private static void await(Duration d, java.util.function.BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (!ok.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void domainEventsBecomeLiveFeedEventsOfTheirType() {
        UUID session = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        assertEquals(LiveEvent.Kind.LIVE, LiveEventWriter.toLive(new StreamWentLive(session, STATION, at)).kind());
        LiveEvent off = LiveEventWriter.toLive(new StreamWentOffline(session, STATION, "expired", at));
        assertEquals(LiveEvent.Kind.OFFLINE, off.kind());
        assertEquals("expired", off.reason());
        LiveEvent song = LiveEventWriter.toLive(new StreamChanged(session, STATION, "Title", 3, true, at));
        assertEquals(LiveEvent.Kind.NOW_PLAYING, song.kind());
        assertEquals("Title", song.currentSong());
        assertEquals(3, song.listeners());
        LiveEvent count = LiveEventWriter.toLive(new StreamChanged(session, STATION, "Title", 4, false, at));
        assertEquals(LiveEvent.Kind.LISTENERS, count.kind());
        assertEquals(null, count.currentSong());
        assertEquals(at, count.at());
    }

    @Test
    void aSteadyStreamOfSongChangesIsWrittenInBatchesAtMostEvery100Ms() throws Exception {
        FakeStore store = new FakeStore(true);
        LiveEventWriter w = writer(store);
        Instant at = Instant.now();
        int sent = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(450);
        while (System.nanoTime() < end) { // ~ 1,000 song changes a second, as from a busy touch batcher
            w.onApplicationEvent(new StreamChanged(UUID.randomUUID(), STATION, "Song " + sent, 1, true, at));
            sent++;
            Thread.sleep(1);
        }
        int total = sent;
        await(Duration.ofSeconds(5), () -> store.all().size() == total);
        assertEquals(total, store.all().size(), "every song change stored");
        List<Long> at1 = store.appendedAt;
        for (int i = 1; i < at1.size(); i++) {
            long gap = at1.get(i) - at1.get(i - 1);
            assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(LiveEventWriter.FLUSH_MILLIS),
                    "writes " + TimeUnit.NANOSECONDS.toMillis(gap) + " ms apart");
        }
        assertTrue(at1.size() <= 6, total + " changes over 450 ms in " + at1.size() + " writes");
    }

    @Test
    void eventsAreStoredInOrderAndListenerCountsCoalescedPerStream() throws Exception {
        FakeStore store = new FakeStore(true);
        LiveEventWriter w = writer(store);
        UUID session = UUID.randomUUID();
        Instant at = Instant.now();
        w.onApplicationEvent(new StreamWentLive(session, STATION, at));
        for (int n = 1; n <= 50; n++) {
            w.onApplicationEvent(new StreamChanged(session, STATION, "Song", n, false, at));
        }
        w.onApplicationEvent(new StreamChanged(session, STATION, "Next song", 51, true, at));
        w.onApplicationEvent(new StreamWentOffline(session, STATION, "removed", at));
        await(Duration.ofSeconds(5), () -> store.all().stream().anyMatch(e -> e.kind() == LiveEvent.Kind.OFFLINE));
        List<LiveEvent.Kind> kinds = store.all().stream().map(LiveEvent::kind).toList();
        assertEquals(LiveEvent.Kind.LIVE, kinds.get(0));
        assertTrue(kinds.indexOf(LiveEvent.Kind.NOW_PLAYING) < kinds.indexOf(LiveEvent.Kind.OFFLINE), kinds.toString());
        long counts = kinds.stream().filter(k -> k == LiveEvent.Kind.LISTENERS).count();
        assertTrue(counts <= 1, "50 counts within 5 s are at most one event: " + kinds);
        assertEquals(0, w.droppedTotal());
    }

    @Test
    void aStuckDatabaseNeverMakesThePublisherWaitAndOnlyAFullQueueDropsEvents() throws Exception {
        FakeStore store = new FakeStore(false);
        LiveEventWriter w = writer(store);
        Instant at = Instant.now();
        int offered = LiveEventWriter.QUEUE_CAPACITY + LiveEventWriter.MAX_BATCH + 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < offered; i++) {
            w.onApplicationEvent(new StreamChanged(UUID.randomUUID(), STATION, "Song " + i, 1, true, at));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(millis < 5_000, offered + " events took " + millis + " ms to hand over");
        await(Duration.ofSeconds(2), () -> w.queued() == LiveEventWriter.QUEUE_CAPACITY);
        assertEquals(LiveEventWriter.QUEUE_CAPACITY, w.queued());
        long inFlight = offered - LiveEventWriter.QUEUE_CAPACITY - w.droppedTotal();
        assertTrue(inFlight >= 1 && inFlight <= LiveEventWriter.MAX_BATCH, "one batch is with the store: " + inFlight);
        store.gate.countDown();
        await(Duration.ofSeconds(10), () -> store.all().size() == offered - w.droppedTotal());
        assertEquals(offered - w.droppedTotal(), store.all().size(), "everything that was not dropped is stored");
    }
}
