package org.ondes.catalog.live;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.streams.events.StreamChanged;
import org.ondes.streams.events.StreamEvent;
import org.ondes.streams.events.StreamWentLive;
import org.ondes.streams.events.StreamWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Turns domain events into stored live-feed events without ever making the publisher (YP ingest, the touch batcher,
 * the jobs) wait: the listener only converts and enqueues. Listener counts go through a {@link ListenerCoalescer}
 * (one per stream per 5 s, latest wins); {@code live}, {@code offline} and {@code nowPlaying} go into a bounded queue
 * and are dropped only when it is full, with a warning that counts them. One writer thread stores whatever is queued
 * or due as one batch (one INSERT, one NOTIFY), at once after a quiet spell and every 100 ms under load.
 */
@Singleton
class LiveEventWriter implements ApplicationEventListener<StreamEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEventWriter.class);
    static final int QUEUE_CAPACITY = 10_000;
    static final int MAX_BATCH = 1_000;
    static final long FLUSH_MILLIS = 100;
    static final long LISTENERS_INTERVAL_MILLIS = 5_000;
    private static final int MAX_COALESCED_STREAMS = 100_000;
    private static final int ATTEMPTS = 3;
    private static final long RETRY_MILLIS = 1_000;
    private static final long DROP_REPORT_MILLIS = 10_000;

    private final LiveEventStore store;
    private final BlockingQueue<LiveEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ListenerCoalescer listeners = new ListenerCoalescer(LISTENERS_INTERVAL_MILLIS, MAX_COALESCED_STREAMS);
    /** Dropped events since the last warning, by {@link LiveEvent.Kind#ordinal()}. */
    private final AtomicLongArray dropped = new AtomicLongArray(LiveEvent.Kind.values().length);
    private final AtomicLong droppedTotal = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;
    private long lastDropReport;
    /** {@link System#nanoTime()} when the last write began. */
    private long lastWrite = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);

    LiveEventWriter(LiveEventStore store) {
        this.store = store;
        this.writer = new Thread(this::run, "live-events-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void onApplicationEvent(StreamEvent event) {
        try {
            enqueue(toLive(event), System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("Live feed could not take {}: {}", event, e.toString());
        }
    }

    void enqueue(LiveEvent e, long nowMillis) {
        if (e.kind() == LiveEvent.Kind.LISTENERS) {
            if (!listeners.offer(e, nowMillis)) {
                drop(e);
            }
            return;
        }
        if (e.kind() != LiveEvent.Kind.LIVE) {
            listeners.forget(e.sessionId());
        }
        if (!running || !queue.offer(e)) {
            drop(e);
        }
    }

    private void drop(LiveEvent e) {
        dropped.incrementAndGet(e.kind().ordinal());
        droppedTotal.incrementAndGet();
    }

    static LiveEvent toLive(StreamEvent event) {
        if (event instanceof StreamChanged c) {
            return new LiveEvent(0, c.songChanged() ? LiveEvent.Kind.NOW_PLAYING : LiveEvent.Kind.LISTENERS, c.stationId(),
                    c.sessionId(), c.songChanged() ? c.currentSong() : null, c.listeners(), null, c.occurredAt());
        }
        if (event instanceof StreamWentOffline o) {
            return new LiveEvent(0, LiveEvent.Kind.OFFLINE, o.stationId(), o.sessionId(), null, null, o.reason(), o.occurredAt());
        }
        StreamWentLive l = (StreamWentLive) event;
        return new LiveEvent(0, LiveEvent.Kind.LIVE, l.stationId(), l.sessionId(), null, null, null, l.occurredAt());
    }

    private void run() {
        List<LiveEvent> batch = new ArrayList<>();
        int attempts = 0;
        while (running) {
            if (batch.isEmpty()) {
                try {
                    collect(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!batch.isEmpty()) {
                try {
                    lastWrite = System.nanoTime();
                    store.append(batch);
                    batch.clear();
                    attempts = 0;
                } catch (RuntimeException e) {
                    attempts++;
                    if (attempts >= ATTEMPTS) {
                        LOG.warn("Live feed: {} event(s) not stored after {} attempts, dropped ({})", batch.size(), attempts, e.toString());
                        batch.forEach(this::drop);
                        batch.clear();
                        attempts = 0;
                    } else {
                        LOG.warn("Live feed: storing {} event(s) failed, retrying ({})", batch.size(), e.toString());
                        if (!pause(RETRY_MILLIS)) {
                            break;
                        }
                    }
                }
            }
            reportDrops(System.currentTimeMillis());
        }
    }

    /**
     * Waits up to {@link #FLUSH_MILLIS} for the first event, then takes what is queued and what is due. An event after
     * a quiet spell is written at once; under load the writes are {@link #FLUSH_MILLIS} apart, so a burst of song
     * changes costs one transaction, one NOTIFY and one read per instance for each 100 ms, not one per few events.
     */
    private void collect(List<LiveEvent> batch) throws InterruptedException {
        LiveEvent first = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
            long gather = lastWrite + TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS) - System.nanoTime();
            if (gather > 0) {
                TimeUnit.NANOSECONDS.sleep(gather);
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
        }
        batch.addAll(listeners.due(System.currentTimeMillis()));
    }

    private void reportDrops(long now) {
        if (now - lastDropReport < DROP_REPORT_MILLIS) {
            return;
        }
        long[] counts = new long[dropped.length()];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = dropped.getAndSet(i, 0);
            total += counts[i];
        }
        if (total > 0) {
            lastDropReport = now;
            LOG.warn("Live feed fell behind (queue of {} full, or storing failed): dropped live={}, offline={}, nowPlaying={}, "
                    + "listeners={}", QUEUE_CAPACITY, counts[0], counts[1], counts[2], counts[3]);
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int queued() {
        return queue.size();
    }

    /** Events dropped since start (full queue, full coalescing table, or not storable). */
    long droppedTotal() {
        return droppedTotal.get();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }
}
