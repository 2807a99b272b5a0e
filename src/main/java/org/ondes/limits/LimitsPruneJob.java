package org.ondes.limits;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;

/**
 * Deletes counters whose windows are over and forgotten sign-in failures, every minute, in batches claimed with SKIP
 * LOCKED: safe on every instance at once, and never a long transaction next to the YP path's upserts.
 */
@Singleton
class LimitsPruneJob {
    static final int BATCH = 5_000;
    private static final int MAX_BATCHES = 20;
    private final CounterStore store;
    private final Jobs jobs;

    LimitsPruneJob(CounterStore store, Jobs jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "30s")
    void tick() {
        jobs.pass("Limits pruning", this::runOnce);
    }

    /** One pass; returns the rows deleted. */
    int runOnce() {
        return Jobs.inBatches(BATCH, MAX_BATCHES, () -> store.prune(BATCH));
    }
}
