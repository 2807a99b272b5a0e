package org.ondes.catalog;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Samples every live station's listener count once a minute and compacts old samples (for sparklines). */
@Singleton
class ListenerHistoryJob {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerHistoryJob.class);
    private final HistoryStore store;
    private final boolean enabled;

    ListenerHistoryJob(HistoryStore store, @Value("${ondes.jobs.enabled:true}") boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "30s")
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Listener history pass failed: {}", e.toString());
        }
    }

    /** Returns the number of samples taken. */
    int runOnce() {
        int sampled = store.sample();
        store.compact();
        return sampled;
    }
}
