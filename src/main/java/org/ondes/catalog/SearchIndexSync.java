package org.ondes.catalog;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this instance's {@link SearchIndex} in step with the catalog in PostgreSQL, which every instance sharing the
 * database writes. The first use loads every entry; after that a sync asks for the stations changed after the
 * version the index is at ({@code catalog_changes}) and re-reads only those rows; if the log no longer reaches back
 * that far, it loads everything again. A background thread syncs every {@code index-staleness-millis}, so searches
 * see changes that much later at most and never wait for the database; with 0 every search syncs first (tests).
 */
@Singleton
class SearchIndexSync implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexSync.class);

    private final CatalogReads reads;
    private final long stalenessNanos;
    private final ScheduledExecutorService timer;
    private volatile SearchIndex index;
    /** When the newest completed sync started (System.nanoTime); written under this object's lock. */
    private volatile long syncStartedAt;
    private boolean failing;

    SearchIndexSync(CatalogReads reads, CatalogSettings settings) {
        this.reads = reads;
        this.stalenessNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, settings.indexStalenessMillis()));
        this.timer = stalenessNanos == 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-index-sync");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (timer != null) {
            long period = TimeUnit.NANOSECONDS.toMillis(stalenessNanos);
            timer.scheduleWithFixedDelay(this::backgroundSync, 0, period, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The index to search: synced first only when syncing is per search or there is none yet (then concurrent callers
     * share one sync). Otherwise searches never wait for the database, even when the background sync lags: under
     * overload they answer from a slightly older catalog rather than queue up behind it.
     */
    SearchIndex index() {
        SearchIndex current = index;
        if (current == null || stalenessNanos == 0) {
            sync(System.nanoTime());
        }
        return index;
    }

    private void backgroundSync() {
        try {
            sync(System.nanoTime());
            if (failing) {
                LOG.info("Search index in step with the catalog again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Search index could not sync with the catalog (searches see the last state): {}", e.toString());
                failing = true;
            }
        }
    }

    /**
     * Brings the index up to the catalog's current version, unless a sync that started at or after
     * {@code requestedAt} has completed meanwhile (concurrent callers share one).
     */
    synchronized void sync(long requestedAt) {
        if (index != null && syncStartedAt - requestedAt >= 0) {
            return;
        }
        long started = System.nanoTime();
        SearchIndex current = index;
        if (current == null) {
            index = load();
        } else {
            CatalogReads.Changes changes = reads.changesAfter(current.version());
            if (changes.prunedThrough() > current.version()) {
                LOG.info("Search index is behind the change log (at {}, log from {}); reloading", current.version(),
                        changes.prunedThrough());
                index = load();
            } else if (changes.version().version() != current.version()) {
                List<IndexedEntry> rows = reads.indexed(changes.stations());
                Set<UUID> gone = new HashSet<>(changes.stations());
                rows.forEach(r -> gone.remove(r.id()));
                current.apply(changes.version().version(), changes.version().changedAt(), rows, gone);
            }
        }
        syncStartedAt = started;
    }

    private SearchIndex load() {
        long t0 = System.nanoTime();
        CatalogReads.Snapshot snapshot = reads.snapshot();
        SearchIndex fresh = new SearchIndex();
        fresh.apply(snapshot.version().version(), snapshot.version().changedAt(), snapshot.entries(), List.of());
        LOG.info("Search index loaded: {} entries at catalog version {} in {} ms", snapshot.entries().size(),
                snapshot.version().version(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return fresh;
    }

    @PreDestroy
    void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
