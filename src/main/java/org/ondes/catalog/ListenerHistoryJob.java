package org.ondes.catalog;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;

/** Samples every live station's listener count once a minute and compacts old samples (for sparklines). */
@Singleton
class ListenerHistoryJob {
    private final HistoryStore store;
    private final Jobs jobs;

    ListenerHistoryJob(HistoryStore store, Jobs jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "30s")
    void tick() {
        jobs.pass("Listener history pass", this::runOnce);
    }

    /** Returns the number of samples taken. */
    int runOnce() {
        int sampled = store.sample();
        store.compact();
        return sampled;
    }
}
