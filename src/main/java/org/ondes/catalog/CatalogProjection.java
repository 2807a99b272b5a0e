package org.ondes.catalog;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.streams.events.StreamChanged;
import org.ondes.streams.events.StreamEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the catalog read model in step with stream events. Going live and going offline are applied at once, in the
 * thread that published them (after their commit), so a removed stream leaves the catalog before Icecast gets its
 * reply. Touch-driven changes (now playing, listeners) arrive by the thousand per second: they only mark the station
 * dirty here and are applied in coalesced batches every {@link #FLUSH_MILLIS} ms, off the YP path.
 */
@Singleton
class CatalogProjection implements ApplicationEventListener<StreamEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogProjection.class);
    static final long FLUSH_MILLIS = 250;
    private static final int MAX_BATCH = 1000;

    private final CatalogWriter writer;
    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();
    static final int SONG_QUEUE = 20_000;
    private static final long DROP_REPORT_MILLIS = 10_000;
    private final BlockingQueue<CatalogWriter.Song> songs = new ArrayBlockingQueue<>(SONG_QUEUE);
    /** Titles not recorded because the queue was full, since the last warning. */
    private final AtomicLong droppedSongs = new AtomicLong();
    private long lastDropReport;
    /** Titles of a failed write, written first by the next pass. */
    private List<CatalogWriter.Song> unwritten = List.of();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catalog-projection");
        t.setDaemon(true);
        return t;
    });

    CatalogProjection(CatalogWriter writer) {
        this.writer = writer;
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onApplicationEvent(StreamEvent event) {
        if (event instanceof StreamChanged changed) {
            dirty.add(changed.stationId());
            if (changed.songChanged() && changed.currentSong() != null
                    && !songs.offer(new CatalogWriter.Song(changed.stationId(), changed.currentSong(), changed.occurredAt()))) {
                droppedSongs.incrementAndGet();
            }
            return;
        }
        try {
            writer.project(List.of(event.stationId()));
        } catch (RuntimeException e) {
            LOG.warn("Catalog update for station {} deferred: {}", event.stationId(), e.toString());
            dirty.add(event.stationId());
        }
    }

    /** Applies what queued up; public to the package so tests can drive it. */
    synchronized void flush() {
        try {
            List<UUID> batch = new ArrayList<>(Math.min(dirty.size(), MAX_BATCH));
            for (UUID id : dirty) {
                if (batch.size() == MAX_BATCH) {
                    break;
                }
                batch.add(id);
            }
            batch.forEach(dirty::remove);
            if (!batch.isEmpty()) {
                try {
                    writer.project(batch);
                } catch (RuntimeException e) {
                    dirty.addAll(batch);
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Catalog projection pass failed (will retry): {}", e.toString());
        }
        recordSongs();
        reportDroppedSongs(System.currentTimeMillis());
    }

    /**
     * Writes every queued title in one statement (a pass that took only some let the queue overflow under load);
     * titles a failed write could not store are tried again first in the next pass.
     */
    private void recordSongs() {
        List<CatalogWriter.Song> batch = new ArrayList<>(unwritten);
        songs.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.songs(batch);
            unwritten = List.of();
        } catch (RuntimeException e) {
            int over = Math.max(0, batch.size() - SONG_QUEUE);
            droppedSongs.addAndGet(over);
            unwritten = List.copyOf(batch.subList(over, batch.size()));
            LOG.warn("Now-playing history not written (will retry): {}", e.toString());
        }
    }

    private void reportDroppedSongs(long now) {
        if (now - lastDropReport >= DROP_REPORT_MILLIS && droppedSongs.get() > 0) {
            lastDropReport = now;
            LOG.warn("Now-playing history fell behind: {} title(s) not recorded (queue of {} full)",
                    droppedSongs.getAndSet(0), SONG_QUEUE);
        }
    }

    /** Titles not recorded since the last warning (the queue was full). */
    long droppedSongs() {
        return droppedSongs.get();
    }

    /** Marks stations for re-projection (used by the reconcile job). */
    void markDirty(Iterable<UUID> stationIds) {
        stationIds.forEach(dirty::add);
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
    }
}
