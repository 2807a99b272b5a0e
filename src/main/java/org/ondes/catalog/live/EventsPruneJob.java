package org.ondes.catalog.live;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes live-feed events older than the replay window. Safe on every instance at once: each batch skips the rows
 * another instance has locked. Batches are limited so no pass holds many row locks or runs long.
 */
@Singleton
class EventsPruneJob {
    private static final Logger LOG = LoggerFactory.getLogger(EventsPruneJob.class);
    static final int BATCH = 5_000;
    /** At most this many batches per pass; the rest waits for the next pass. */
    private static final int MAX_BATCHES = 20;

    private final LiveEventStore store;
    private final LiveEventsSettings settings;
    private final Jobs jobs;

    EventsPruneJob(LiveEventStore store, LiveEventsSettings settings, Jobs jobs) {
        this.store = store;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "20s")
    void tick() {
        jobs.pass("Live-feed pruning", this::runOnce);
    }

    /** One pass; returns how many events it deleted. */
    int runOnce() {
        int total = Jobs.inBatches(BATCH, MAX_BATCHES, () -> store.prune(settings.retention(), BATCH));
        if (total > 0) {
            LOG.debug("Pruned {} live-feed event(s) older than {} s", total, settings.retention().toSeconds());
        }
        return total;
    }
}
