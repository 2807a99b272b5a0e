package org.ondes.catalog;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;
import org.ondes.streams.Streams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Repairs the read model if an event was ever lost (a crash between commit and projection, an instance started on an
 * existing database): stations live in streams but missing from the catalog, or the reverse, are re-projected, and
 * so are the entries refreshed longest ago, a slice per pass.
 */
@Singleton
class CatalogReconcileJob {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogReconcileJob.class);
    static final int STALE_SLICE = 500;
    /** How long the change log keeps rows for instances' search indexes (see {@link SearchIndexSync}). */
    static final java.time.Duration CHANGE_LOG_KEPT = java.time.Duration.ofMinutes(10);
    private final Streams streams;
    private final CatalogWriter writer;
    private final CatalogProjection projection;
    private final Jobs jobs;

    CatalogReconcileJob(Streams streams, CatalogWriter writer, CatalogProjection projection, Jobs jobs) {
        this.streams = streams;
        this.writer = writer;
        this.projection = projection;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "5s")
    void tick() {
        jobs.pass("Catalog reconcile pass", this::runOnce);
    }

    /** Returns how many stations were found out of step (missing or extra); they and a stale slice are re-projected. */
    int runOnce() {
        Set<UUID> live = streams.listedStationIds();
        Set<UUID> catalog = writer.catalogIds();
        Set<UUID> differ = new HashSet<>(live);
        differ.removeAll(catalog);
        Set<UUID> extra = new HashSet<>(catalog);
        extra.removeAll(live);
        differ.addAll(extra);
        if (!differ.isEmpty()) {
            LOG.info("Catalog out of step for {} station(s); re-projecting", differ.size());
        }
        Set<UUID> todo = new HashSet<>(differ);
        todo.addAll(writer.stalest(STALE_SLICE));
        projection.markDirty(todo);
        writer.pruneChanges(CHANGE_LOG_KEPT);
        return differ.size();
    }
}
